using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Core
{
    /// <summary>
    /// What every TokenPolicy rule shares: registration, options and generated code, the order of checks, and where a
    /// finding is reported (at the sink, or at the call that passes the value into a helper that reaches it). A rule
    /// supplies its descriptors, its sinks (<see cref="ISinkMatcher"/>), which candidates it follows, and its judgement.
    /// </summary>
    /// <remarks>
    /// Order of checks, cheapest first: the sink match (symbols resolved once per compilation), then whether the value can
    /// hold a candidate at all (constants, then the compilation's candidate index), then the sink's further conditions,
    /// and only then the value evaluator. A call into a method of the compilation is followed into its summary only when
    /// an argument can hold a candidate, so code without candidates costs a symbol lookup per operation.
    /// </remarks>
    public abstract class TokenPolicyAnalyzer : DiagnosticAnalyzer
    {
        private protected TokenPolicyAnalyzer()
        {
        }

        /// <summary>The operations the rule's sinks can be.</summary>
        private protected abstract ImmutableArray<OperationKind> OperationKinds { get; }

        /// <summary>The candidate family the rule follows (<see cref="Candidates.TokenPathCandidates.Family"/>, ...).</summary>
        private protected abstract string CandidateFamily { get; }

        /// <summary>True when a finding is reported at the value (or argument) rather than at the sink (or call).</summary>
        private protected virtual bool ReportsAtValue => false;

        /// <summary>True when values are followed into methods of the compilation (method summaries).</summary>
        private protected virtual bool FollowsCalls => true;

        /// <summary>The descriptor for a finding at a call into a helper; null when the rule does not follow calls.</summary>
        private protected abstract DiagnosticDescriptor? ViaCallDescriptor { get; }

        /// <summary>Substrings of the source text (any case) where the names of the rule's sinks are found.</summary>
        private protected virtual ImmutableArray<string> SinkNeedles => ImmutableArray<string>.Empty;

        /// <summary>Whether an identifier or string literal token found at a needle names one of the rule's sinks.</summary>
        private protected virtual bool IsSinkWord(SyntaxToken token) => false;

        /// <summary>The candidate filter of <see cref="CandidateFamily"/>, from the compilation's merged options.</summary>
        private protected abstract CandidateFilter CreateCandidateFilter(TokenPolicyOptions mergedOptions);

        /// <summary>The rule's sinks for this compilation; null when the compilation cannot contain any.</summary>
        private protected abstract ISinkMatcher? CreateSinks(CompilationState state);

        /// <summary>What was found (a token path, a token kind) in the values reaching <paramref name="row"/>; null for nothing.</summary>
        private protected abstract string? Judge(ValueSet values, SinkRow row, TokenPolicyOptions options);

        /// <summary>The diagnostic for a finding at the sink.</summary>
        private protected abstract Diagnostic CreateDiagnostic(Location location, in SinkMatch match, string? found, ImmutableDictionary<string, string?> properties);

        /// <summary>What the fix can do at a call into a helper that reaches the sink.</summary>
        private protected virtual FixKind ViaCallFixKind(IMethodSymbol callee, Flow flow) => FixKind.None;

        /// <summary>The expressions that carry a sink's value (the elements of an array passed for a sequence).</summary>
        private protected virtual System.Collections.Generic.IEnumerable<IOperation> ValueExpressions(SinkMatch match)
        {
            yield return match.Value!;
        }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analysed so that `tokenpolicy.analyze_generated_code = true` can opt in; skipped by default below.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // No symbol is looked up here. A compilation's first symbol lookup builds its declaration table and binds
                // its references: work the compiler does anyway before it binds the first method body, but charged to
                // whichever analyzer asks first when that is a compilation-start action. The rule's sinks are resolved
                // by the first operation instead (a compilation without them then costs one field read per operation).
                var compilation = CompilationState.Get(start.Compilation, start.Options);
                var key = GetType().FullName!;
                var rule = new Lazy<RuleState?>(() => compilation.Rule(key, CreateRuleState), LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterOperationAction(
                    c =>
                    {
                        if (rule.Value is { } state)
                        {
                            Analyze(c, state);
                        }
                    },
                    OperationKinds);
            });
        }

        private RuleState? CreateRuleState(CompilationState state)
        {
            var sinks = CreateSinks(state);
            if (sinks is null)
            {
                return null;
            }

            var candidates = state.Candidates(CandidateFamily, s => CreateCandidateFilter(s.MergedOptions()));
            var reach = FollowsCalls && ViaCallDescriptor is not null ? new SinkReach(state.Compilation, SinkNeedles, IsSinkWord) : null;
            return new RuleState(state, sinks, candidates, reach);
        }

        private void Analyze(OperationAnalysisContext context, RuleState rule)
        {
            var operation = context.Operation;
            var cancellationToken = context.CancellationToken;
            if (rule.Sinks.TryMatch(operation, out var match))
            {
                AnalyzeSink(context, rule, match);
                return;
            }

            if (rule.Summaries is null)
            {
                return;
            }

            var (callee, arguments) = operation switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, default(ImmutableArray<IArgumentOperation>)),
            };

            if (callee is null || arguments.IsEmpty)
            {
                return;
            }

            // A callee that may have a summary and an argument that may hold a candidate (the candidate index, which the
            // sinks need anyway), then the callee's name in the sink reach (built over every tree only once enough calls
            // ask; see SinkReach.MayReach). The same answer in either order: until the index is built the callee is asked
            // first (a compilation with no such callee and no sink value never builds it); after, a tree where only a
            // constant can carry a candidate (most trees) tests its constant arguments first, which ends most calls.
            var tree = operation.Syntax.SyntaxTree;
            bool carries;
            if (!rule.Candidates.IsBuilt)
            {
                carries = FlowSummaries.MayHaveSummary(callee)
                    && rule.Candidates.AnyArgumentMayCarry(arguments, rule.Candidates.MayCarryIn(tree, cancellationToken), FollowedParameter, cancellationToken);
            }
            else if (rule.Candidates.MayCarryIn(tree, cancellationToken))
            {
                carries = FlowSummaries.MayHaveSummary(callee) && rule.Candidates.AnyArgumentMayCarry(arguments, treeMayCarry: true, FollowedParameter, cancellationToken);
            }
            else
            {
                carries = rule.Candidates.AnyArgumentMayCarry(arguments, treeMayCarry: false, FollowedParameter, cancellationToken) && FlowSummaries.MayHaveSummary(callee);
            }

            if (!carries)
            {
                return;
            }

            if (!rule.Reach!.MayReach(callee, cancellationToken))
            {
                return;
            }

            var options = OptionsOf(context);
            if (options is null || rule.Summaries.GetSummary(callee, cancellationToken).IsEmpty)
            {
                return;
            }

            foreach (var (flow, argument, values) in rule.Summaries.AtCall(callee, arguments, cancellationToken))
            {
                var found = Judge(values, flow.Sink, options);
                if (found is null)
                {
                    continue;
                }

                var definition = callee.OriginalDefinition;
                var location = ReportsAtValue ? argument.Syntax.GetLocation() : CallLocation(operation.Syntax);
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.SinkMember, definition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat))
                    .Add(DiagnosticProperties.FixKind, ViaCallFixKind(callee, flow).ToString())
                    .Add(DiagnosticProperties.ViaCall, "true");
                context.ReportDiagnostic(Diagnostic.Create(
                    ViaCallDescriptor!,
                    location,
                    properties,
                    FlowSummaries.DisplayName(definition) + "(" + flow.Parameter.Name + ")",
                    flow.Parameter.Name,
                    flow.Chain,
                    found));
                return;
            }
        }

        private void AnalyzeSink(OperationAnalysisContext context, RuleState rule, in SinkMatch match)
        {
            var cancellationToken = context.CancellationToken;
            if (match.Value is null)
            {
                if (OptionsOf(context) is not null)
                {
                    context.ReportDiagnostic(CreateDiagnostic(match.Operation.Syntax.GetLocation(), match, null, Properties(match)));
                }

                return;
            }

            TokenPolicyOptions? options = null;
            bool? accepted = null;
            foreach (var expression in ValueExpressions(match))
            {
                if (!rule.Candidates.MayCarry(expression, cancellationToken))
                {
                    continue;
                }

                options ??= OptionsOf(context);
                accepted ??= options is not null && rule.Sinks.Accepts(match, rule.Compilation.Evaluator, cancellationToken);
                if (options is null || accepted == false)
                {
                    return;
                }

                var found = Judge(rule.Compilation.Evaluator.Evaluate(expression, cancellationToken), match.Row, options);
                if (found is not null)
                {
                    var location = ReportsAtValue ? expression.Syntax.GetLocation() : match.Operation.Syntax.GetLocation();
                    context.ReportDiagnostic(CreateDiagnostic(location, match, found, Properties(match)));
                    return;
                }
            }
        }

        /// <summary>The parameters a method summary follows (one delegate for every call).</summary>
        private static readonly Func<IParameterSymbol, bool> FollowedParameter = FlowSummaries.IsFollowedParameter;

        private static ImmutableDictionary<string, string?> Properties(in SinkMatch match)
            => ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.SinkMember, match.MemberId)
                .Add(DiagnosticProperties.FixKind, match.Row.FixKind.ToString());

        /// <summary>The options of the operation's tree, or null when the tree must not be analysed (generated code).</summary>
        private static TokenPolicyOptions? OptionsOf(OperationAnalysisContext context)
        {
            var options = TokenPolicyOptions.Get(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree));
            return context.IsGeneratedCode && !options.AnalyzeGeneratedCode ? null : options;
        }

        /// <summary>The call's location; for <c>: base(...)</c> / <c>: this(...)</c>, from the keyword on.</summary>
        private static Location CallLocation(SyntaxNode syntax)
            => syntax is ConstructorInitializerSyntax initializer
                ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(initializer.ThisOrBaseKeyword.SpanStart, initializer.Span.End))
                : syntax.GetLocation();
    }
}
