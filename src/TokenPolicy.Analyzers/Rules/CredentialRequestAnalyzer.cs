using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Candidates;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Requests;
using TokenPolicy.Analyzers.Sinks;

namespace TokenPolicy.Analyzers.Rules
{
    /// <summary>
    /// TP0004: an HTTP request whose URL is a credential-endpoint URL (<c>{backend}/api/ambient/v1/credentials/{id}/token</c>,
    /// the project form, or <c>tokenpolicy.credential_endpoints</c>) and whose Authorization value does not come from the
    /// caller-or-OIDC resolver: a token from an environment variable, a configuration key, a file, a hardcoded or unfollowed
    /// value, or no Authorization header at all. Reported at the request call.
    /// </summary>
    /// <remarks>
    /// Order of checks, cheapest first: the request method's symbol (resolved once per compilation), then whether the
    /// URL expression can hold a credential-endpoint literal (the compilation's candidate index: a tree without
    /// <c>credentials</c> in a literal costs nothing more), then the options (generated code), the URL's values against
    /// the endpoint patterns, and only for a credential request the client's pipeline and the header's source.
    /// A URL that cannot be told to be a credential request is not reported; neither is a request whose client or
    /// request message cannot be followed when no Authorization value is seen (its header may be set where the analysis
    /// does not look).
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CredentialRequestAnalyzer : DiagnosticAnalyzer
    {
        private const string NoHeader = "no Authorization header at all";
        private const string Unfollowed = "from a value this analysis cannot follow";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TP0004_UnsanctionedCredentialRequest);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // Resolved by the first operation, not here (see TokenPolicyAnalyzer.Initialize: no symbol lookups at start).
                var compilation = CompilationState.Get(start.Compilation, start.Options);
                var state = new Lazy<State?>(() => State.For(compilation) is { Sinks.IsEmpty: false } s ? s : null, LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterOperationAction(
                    c =>
                    {
                        if (state.Value is { } s)
                        {
                            Analyze(c, s);
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, State state)
        {
            // Once the index is built, a call in a tree where only a constant can carry a credential-endpoint literal (most
            // trees) needs a candidate constant among its arguments before its method is looked at: a request is judged
            // only with a URL (or a helper's URL argument) that may carry one, and there the URL can only be a constant.
            if (state.Candidates.IsBuilt && context.Operation is IInvocationOperation call
                && !state.Candidates.MayCarryIn(call.Syntax.SyntaxTree, context.CancellationToken)
                && !state.Candidates.AnyArgumentMayCarry(call.Arguments, treeMayCarry: false, follows: null, context.CancellationToken))
            {
                return;
            }

            var isSink = state.Sinks.TryMatch(context.Operation, out var match);
            if (!isSink && !MayBeHelperCall(context.Operation))
            {
                return;
            }

            // A compilation without a single credential-endpoint literal has no credential request to find.
            var cancellationToken = context.CancellationToken;
            if (state.Candidates.GetClosure(cancellationToken).Literals == 0)
            {
                return;
            }

            if (isSink)
            {
                AnalyzeRequest(context, state, match, null, null);
            }
            else
            {
                AnalyzeHelperCall(context, state, (IInvocationOperation)context.Operation);
            }
        }

        /// <summary>
        /// A call into a method of the compilation that makes a request with a URL built from its parameters
        /// (<c>Task&lt;string&gt; GetAsync(string url) => _http.GetStringAsync(url)</c>): the call's arguments are substituted
        /// and the request is judged in the helper (its client and headers), reported at the call. One level deep.
        /// </summary>
        private static void AnalyzeHelperCall(OperationAnalysisContext context, State state, IInvocationOperation call)
        {
            var cancellationToken = context.CancellationToken;
            // In a tree where only a constant can carry a credential-endpoint literal (most trees), the other arguments end here.
            var treeMayCarry = state.Candidates.MayCarryIn(call.Syntax.SyntaxTree, cancellationToken);
            var carries = state.Candidates.AnyArgumentMayCarry(call.Arguments, treeMayCarry, UrlParameter, cancellationToken);
            if (!carries)
            {
                return;
            }

            var callee = call.TargetMethod.OriginalDefinition;
            foreach (var inner in state.HelperRequests(callee, cancellationToken))
            {
                ValueSet? Bind(IParameterSymbol parameter)
                    => SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, callee) && FlowSummaries.ArgumentFor(call.Arguments, parameter) is { } argument
                        ? state.Urls.Evaluate(argument, cancellationToken)
                        : null;

                if (AnalyzeRequest(context, state, inner, Bind, FlowSummaries.DisplayName(callee) + " (via " + inner.DisplayName + ")"))
                {
                    return;
                }
            }
        }

        /// <summary>Judges one request; true when it was reported.</summary>
        private static bool AnalyzeRequest(OperationAnalysisContext context, State state, in SinkMatch match, System.Func<IParameterSymbol, ValueSet?>? bind, string? viaCall)
        {
            var cancellationToken = context.CancellationToken;
            var row = (RequestSink)match.Row;
            Pipeline? request = null;
            var urlExpressions = new List<IOperation>();
            if (row.Shape == RequestShape.Url)
            {
                urlExpressions.Add(match.Value!);
            }
            else
            {
                // Cheapest first: a request message that cannot hold a credential-endpoint literal (the index follows it
                // into the message's creation) and whose body has none is not followed into its pipeline at all.
                if (bind is null && !state.Candidates.MayCarry(match.Value, cancellationToken) && !BodyHasCandidate(match.Operation, state, cancellationToken))
                {
                    return false;
                }

                request = state.Pipelines.Request(match.Value, cancellationToken);
                urlExpressions.AddRange(request.RequestUris);
            }

            if (bind is null)
            {
                var mayCarry = false;
                foreach (var url in urlExpressions)
                {
                    mayCarry |= state.Candidates.MayCarry(url, cancellationToken);
                }

                // Shapes the candidate index does not follow (a UriBuilder's Path, an initializer) still have the literal in
                // the same body: the tree's candidate positions (found once per tree) answer that.
                if (!mayCarry && !BodyHasCandidate(match.Operation, state, cancellationToken))
                {
                    return false;
                }
            }

            var options = TokenPolicyOptions.Get(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree));
            if ((context.IsGeneratedCode && !options.AnalyzeGeneratedCode) || IsClientLibrary(context.ContainingSymbol) || IsClientLibrary(match.Operation.SemanticModel?.GetEnclosingSymbol(match.Operation.Syntax.SpanStart, cancellationToken)))
            {
                return false;
            }

            var client = state.Pipelines.Client(RequestSinks.Client(match), cancellationToken);
            var urls = ValueSet.Null;
            foreach (var url in urlExpressions)
            {
                urls = ValueSet.Union(urls, bind is null ? state.Urls.Evaluate(url, cancellationToken) : BoundUrl(state, url, bind, cancellationToken));
            }

            var endpoint = EndpointPatterns.For(options).Match(state.Urls.Resolve(urls, client.BaseAddresses, cancellationToken));
            if (endpoint is null || client.Sanctioned)
            {
                return false;
            }

            var headers = new List<IOperation>(client.Authorization);
            if (request is not null)
            {
                headers.InsertRange(0, request.Authorization);
            }

            string? found = null;
            (IOperation Value, FixKind Kind)? fixable = null;
            foreach (var header in headers)
            {
                var source = state.Sources.Find(header, cancellationToken);
                if (source.Sanctioned)
                {
                    return false;
                }

                if (found is null || (found == Unfollowed && source.Description is not null))
                {
                    found = source.Description ?? Unfollowed;
                }

                fixable ??= FixableHeader(header, context.Operation.Syntax.SyntaxTree);
            }

            if (found is null && !(client.Known && (request is null || request.Known)))
            {
                return false;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.SinkMember, match.MemberId)
                .Add(DiagnosticProperties.Endpoint, endpoint.Text)
                .Add(DiagnosticProperties.FixKind, (fixable is { } kind && headers.Count == 1 ? kind.Kind : FixKind.None).ToString());
            if (fixable is { } fix && headers.Count == 1)
            {
                var span = fix.Value.Syntax.Span;
                properties = properties.Add(DiagnosticProperties.HeaderLocation, span.Start.ToString(CultureInfo.InvariantCulture) + ":" + span.Length.ToString(CultureInfo.InvariantCulture));
            }

            if (viaCall is not null)
            {
                properties = properties.Add(DiagnosticProperties.ViaCall, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TP0004_UnsanctionedCredentialRequest,
                context.Operation.Syntax.GetLocation(),
                properties,
                viaCall ?? match.DisplayName,
                endpoint.Text,
                found is null ? NoHeader : "an Authorization value " + found));
            return true;
        }

        /// <summary>A helper's URL with the call's arguments in place of its parameters.</summary>
        private static ValueSet BoundUrl(State state, IOperation url, System.Func<IParameterSymbol, ValueSet?> bind, CancellationToken cancellationToken)
        {
            if (ScopeFacts.Strip(url) is IParameterReferenceOperation parameter)
            {
                return bind(parameter.Parameter.OriginalDefinition) ?? ValueSet.Unknown;
            }

            return ValueEvaluator.IsString(url.Type)
                ? state.Evaluator.EvaluateOpen(url, cancellationToken).Substitute(bind)
                : state.Urls.Evaluate(url, cancellationToken);
        }

        /// <summary>
        /// A call into a method of the compilation (cheap: symbols only; the method's first location, which the compiler
        /// keeps, rather than its declaring references, which it builds on each request).
        /// </summary>
        private static bool MayBeHelperCall(IOperation operation)
            => operation is IInvocationOperation { Arguments.IsEmpty: false, TargetMethod: { MethodKind: MethodKind.Ordinary, IsAbstract: false, IsVirtual: false, IsOverride: false, IsExtern: false } method }
               && method.OriginalDefinition.Locations is { IsEmpty: false } locations
               && locations[0].IsInSource
               && HasUrlParameter(method);

        private static bool HasUrlParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (IsUrlType(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly System.Func<IParameterSymbol, bool> UrlParameter = parameter => IsUrlType(parameter.Type);

        private static bool IsUrlType(ITypeSymbol type) => type.SpecialType == SpecialType.System_String || ScopeFacts.IsType(type, "System", "Uri");

        private static bool BodyHasCandidate(IOperation operation, State state, CancellationToken cancellationToken)
            => state.Candidates.HasLiteralIn(operation.Syntax.SyntaxTree, ValueEvaluator.GetRoot(operation).Syntax.Span, cancellationToken);

        /// <summary>
        /// In the finding's file, <c>x.Headers.Authorization = value</c> (the fix puts the resolver's header there) or the
        /// string value of <c>Headers.Add("Authorization", value)</c> (the header's string form).
        /// </summary>
        private static (IOperation Value, FixKind Kind)? FixableHeader(IOperation header, SyntaxTree tree)
        {
            if (header.Syntax.SyntaxTree != tree)
            {
                return null;
            }

            if (header.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Authorization" } } assignment
                && assignment.Value == header
                && ScopeFacts.IsType(header.Type, "System.Net.Http.Headers", "AuthenticationHeaderValue"))
            {
                return (header, FixKind.RequestHeader);
            }

            return header.Parent is IArgumentOperation { Parameter.Name: "value", Parent: IInvocationOperation } && header.Type?.SpecialType == SpecialType.System_String
                ? (header, FixKind.RequestHeaderString)
                : null;
        }

        /// <summary>The sanctioned client itself: <c>CredentialClient</c> and the resolver's handler make their own requests.</summary>
        private static bool IsClientLibrary(ISymbol? symbol)
        {
            for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.Name is "CredentialClient" or "CallerOrOidcAuthorizationHandler" && TokenPolicy.Analyzers.Requests.ScopeFacts.IsNamespace(type.ContainingNamespace, "TokenPolicy.Credentials"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>TP0004's per-compilation parts (nothing is built before the first request call that may carry a candidate).</summary>
        private sealed class State
        {
            private static readonly ConditionalWeakTable<Compilation, State> States = new();

            private State(CompilationState compilation)
            {
                Sinks = RequestSinks.Resolve(compilation.Compilation);
                _filter = new Lazy<CredentialEndpointCandidates>(() => new CredentialEndpointCandidates(compilation.MergedOptions()));
                Candidates = compilation.Candidates(CredentialEndpointCandidates.Family, _ => Filter);
                Pipelines = new Pipelines(compilation.Compilation, compilation.Evaluator);
                Urls = new UrlValues(compilation.Evaluator, Pipelines);
                Sources = new TokenSources(compilation.Evaluator, Pipelines);
                Evaluator = compilation.Evaluator;
            }

            public RequestSinks Sinks { get; }

            /// <summary>One state per compilation, shared by every analysis of it.</summary>
            public static State For(CompilationState compilation) => States.GetValue(compilation.Compilation, _ => new State(compilation));

            public CandidateIndex Candidates { get; }

            private readonly Lazy<CredentialEndpointCandidates> _filter;

            /// <summary>The candidate filter, from the compilation's merged options (built on first use).</summary>
            public CredentialEndpointCandidates Filter => _filter.Value;

            public Pipelines Pipelines { get; }

            public UrlValues Urls { get; }

            public TokenSources Sources { get; }

            public ValueEvaluator Evaluator { get; }

            /// <summary>The requests a method of the compilation makes directly whose URL depends on its parameters (built once per method).</summary>
            public ImmutableArray<SinkMatch> HelperRequests(IMethodSymbol method, CancellationToken cancellationToken)
                => _helperRequests.GetOrAdd(method, m => FindHelperRequests(m, cancellationToken));

            private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, ImmutableArray<SinkMatch>> _helperRequests = new(SymbolEqualityComparer.Default);

            private ImmutableArray<SinkMatch> FindHelperRequests(IMethodSymbol method, CancellationToken cancellationToken)
            {
                var result = ImmutableArray.CreateBuilder<SinkMatch>();
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(cancellationToken);
                    if (Evaluator.GetSemanticModel(syntax.SyntaxTree)?.GetOperation(syntax, cancellationToken) is not { } body)
                    {
                        continue;
                    }

                    foreach (var operation in ValueEvaluator.DescendantsOutsideNestedFunctions(body))
                    {
                        if (!Sinks.TryMatch(operation, out var match))
                        {
                            continue;
                        }

                        var urls = ((RequestSink)match.Row).Shape == RequestShape.Url
                            ? new List<IOperation> { match.Value! }
                            : Pipelines.Request(match.Value, cancellationToken).RequestUris;
                        foreach (var url in urls)
                        {
                            if (ScopeFacts.Strip(url) is IParameterReferenceOperation
                                || (ValueEvaluator.IsString(url.Type) && Evaluator.EvaluateOpen(url, cancellationToken).ContainsParameter))
                            {
                                result.Add(match);
                                break;
                            }
                        }
                    }
                }

                return result.ToImmutable();
            }
        }
    }
}
