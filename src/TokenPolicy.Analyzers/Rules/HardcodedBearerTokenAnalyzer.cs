using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Sinks;

namespace TokenPolicy.Analyzers.Rules
{
    /// <summary>
    /// TP0002: a constant, token-like string (JWT, vendor-prefixed token, high-entropy string) that reaches an
    /// authentication sink: <c>AuthenticationHeaderValue</c>, the <c>Authorization</c> header of header collections,
    /// string-keyed dictionaries and gRPC metadata, <c>Authorization:</c> header lines in attributes, Octokit credentials.
    /// Reported once per sink, at the expression where the value enters it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedBearerTokenAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TP0002_HardcodedBearerToken, Descriptors.TP0002_HardcodedBearerTokenViaCall);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is analysed so that `tokenpolicy.analyze_generated_code = true` can opt in; by default it is skipped below.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(static start =>
            {
                // String-keyed dictionaries exist in every compilation, so there is always something to look at.
                var sinks = AuthSinks.Resolve(start.Compilation);
                var evaluator = EvaluatorCache.Get(start.Compilation);
                var flows = evaluator.GetFlowSummaries(RuleIdentifiers.HardcodedBearerToken, _ => new AuthFlowSinks(sinks, evaluator));
                start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, flows, evaluator), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeCreation(c, sinks, flows, evaluator), OperationKind.ObjectCreation);
                start.RegisterOperationAction(c => AnalyzeIndexerAssignment(c, sinks, evaluator), OperationKind.SimpleAssignment);
                start.RegisterOperationAction(AnalyzeAttribute, OperationKind.Attribute);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, AuthSinks sinks, FlowSummaries flows, ValueEvaluator evaluator)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (sinks.TryGet(method, out var sink))
            {
                Analyze(context, sink, sink.DisplayName, sink.TypeName + "." + sink.MemberName, invocation.Arguments, evaluator);
            }
            else if (sinks.IsCollectionAdd(method, out var keyParameter))
            {
                var key = SinkResolver.Argument(invocation.Arguments, keyParameter.Name);
                var value = SinkResolver.Argument(invocation.Arguments, "value");
                AnalyzeCollectionEntry(context, method.ContainingType, method.Name, key, value, evaluator);
            }
            else if (FlowSummaries.MayHaveSummary(method))
            {
                AnalyzeCall(context, method, invocation.Arguments, flows);
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, AuthSinks sinks, FlowSummaries flows, ValueEvaluator evaluator)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { } constructor)
            {
                return;
            }

            if (sinks.TryGet(constructor, out var sink))
            {
                Analyze(context, sink, sink.DisplayName, sink.TypeName + "." + sink.MemberName, creation.Arguments, evaluator);
            }
            else if (FlowSummaries.MayHaveSummary(constructor))
            {
                AnalyzeCall(context, constructor, creation.Arguments, flows);
            }
        }

        /// <summary>
        /// A call into a method of this compilation whose parameter ends up in an Authorization header (directly, through
        /// fields it sets, or through further calls): reported at the argument, where the hardcoded token is chosen.
        /// </summary>
        private static void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol callee, ImmutableArray<IArgumentOperation> arguments, FlowSummaries flows)
        {
            if (flows.GetSummary(callee, context.CancellationToken).IsEmpty)
            {
                return;
            }

            var options = AnalyzerGate.GetOptions(context);
            if (options is null)
            {
                return;
            }

            foreach (var (flow, argument, values) in flows.AtCall(callee, arguments, context.CancellationToken))
            {
                var match = FirstToken(values, flow.Sink.TakesRawToken, options);
                if (!match.IsToken)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TP0002_HardcodedBearerTokenViaCall,
                    argument.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.SinkMember, callee.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat))
                        .Add(DiagnosticProperties.ViaCall, "true"),
                    FlowSummaries.DisplayName(callee.OriginalDefinition) + "(" + flow.Parameter.Name + ")",
                    flow.Parameter.Name,
                    flow.Chain,
                    match.Kind));
                return;
            }
        }

        private static void AnalyzeIndexerAssignment(OperationAnalysisContext context, AuthSinks sinks, ValueEvaluator evaluator)
        {
            // headers["Authorization"] = ..., and the dictionary initializer { ["Authorization"] = ... }.
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Arguments.Length: 1 } indexer && sinks.IsCollectionIndexer(indexer.Property))
            {
                AnalyzeCollectionEntry(context, indexer.Property.ContainingType, "this[]", indexer.Arguments[0].Value, assignment.Value, evaluator);
            }
        }

        private static void AnalyzeCollectionEntry(OperationAnalysisContext context, INamedTypeSymbol collection, string member, IOperation? key, IOperation? value, ValueEvaluator evaluator)
        {
            if (key is null || value is null)
            {
                return;
            }

            var options = AnalyzerGate.GetOptions(context);
            if (options is null || !AuthSinks.IsAuthorizationName(key, evaluator, context.CancellationToken))
            {
                return;
            }

            var typeName = collection.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            var sink = AuthSinks.CollectionEntry;
            foreach (var expression in AuthSinks.ValueExpressions(value))
            {
                var match = Classify(expression, sink, options, evaluator, context);
                if (match.IsToken)
                {
                    Report(context, expression, sink.Kind, collection.OriginalDefinition.ToDisplayString() + "." + member, match, "the \"Authorization\" entry of " + typeName);
                    return;
                }
            }
        }

        private static void Analyze(OperationAnalysisContext context, AuthSink sink, string displayName, string sinkMember, ImmutableArray<IArgumentOperation> arguments, ValueEvaluator evaluator)
        {
            var value = SinkResolver.Argument(arguments, sink.ValueParameter);
            if (value is null)
            {
                return;
            }

            var options = AnalyzerGate.GetOptions(context);
            if (options is null)
            {
                return;
            }

            // Cheap gates first: the header name and the scheme decide whether this call is an auth sink at all.
            if (sink.NameParameter is not null && !AuthSinks.IsAuthorizationName(SinkResolver.Argument(arguments, sink.NameParameter), evaluator, context.CancellationToken))
            {
                return;
            }

            if (sink.SchemeParameter is not null && !AuthSinks.IsTokenScheme(SinkResolver.Argument(arguments, sink.SchemeParameter), evaluator, context.CancellationToken))
            {
                return;
            }

            foreach (var expression in AuthSinks.ValueExpressions(value))
            {
                var match = Classify(expression, sink, options, evaluator, context);
                if (match.IsToken)
                {
                    Report(context, expression, sink.Kind, sinkMember, match, displayName);
                    return;
                }
            }
        }

        private static void AnalyzeAttribute(OperationAnalysisContext context)
        {
            // Any attribute whose constant string argument is an "Authorization: <scheme> <token>" line (Refit's [Headers]).
            var attribute = (IAttributeOperation)context.Operation;
            var options = AnalyzerGate.GetOptions(context);
            if (options is null)
            {
                return;
            }

            var found = FindHeaderLine(attribute.Operation, options);
            if (found.Expression is not null)
            {
                var name = attribute.Operation is IObjectCreationOperation { Type: { } type } ? type.Name : "attribute";
                if (name.EndsWith("Attribute", System.StringComparison.Ordinal) && name.Length > "Attribute".Length)
                {
                    name = name.Substring(0, name.Length - "Attribute".Length);
                }

                Report(context, found.Expression, AuthSinkKind.Attribute, (attribute.Operation.Type?.ToDisplayString() ?? name) + ".ctor", found.Match, "the [" + name + "] attribute");
            }
        }

        /// <summary>The outermost constant string under <paramref name="operation"/> that is a token-bearing Authorization header line.</summary>
        private static (IOperation? Expression, TokenMatch Match) FindHeaderLine(IOperation operation, TokenPolicyOptions options)
        {
            if (operation.ConstantValue is { HasValue: true } constant)
            {
                if (constant.Value is string text && TokenClassifier.GetAuthorizationHeaderLineValue(text) is { } headerValue)
                {
                    var match = TokenClassifier.ClassifyHeaderValue(headerValue, options.EntropyThreshold, options.MinLength);
                    if (match.IsToken)
                    {
                        return (operation, match);
                    }
                }

                return (null, TokenMatch.None);
            }

            foreach (var child in operation.ChildOperations)
            {
                var found = FindHeaderLine(child, options);
                if (found.Expression is not null)
                {
                    return found;
                }
            }

            return (null, TokenMatch.None);
        }

        /// <summary>The first constant alternative of the value that is token-like; values with unknown or environment parts never are.</summary>
        private static TokenMatch Classify(IOperation expression, AuthSink sink, TokenPolicyOptions options, ValueEvaluator evaluator, OperationAnalysisContext context)
            => FirstToken(evaluator.Evaluate(expression, context.CancellationToken), sink.ValueIsRawToken, options);

        /// <summary>
        /// The first fully constant value that is token-like. A raw-token sink given a whole header value ("Bearer x" as
        /// the parameter) still carries the token, so raw sinks try both readings.
        /// </summary>
        private static TokenMatch FirstToken(ValueSet values, bool takesRawToken, TokenPolicyOptions options)
        {
            foreach (var candidate in values.Values)
            {
                if (candidate.ConstantText is not { } text)
                {
                    continue;
                }

                var match = takesRawToken ? TokenClassifier.ClassifyToken(text, options.EntropyThreshold, options.MinLength) : TokenMatch.None;
                if (!match.IsToken)
                {
                    match = TokenClassifier.ClassifyHeaderValue(text, options.EntropyThreshold, options.MinLength);
                }

                if (match.IsToken)
                {
                    return match;
                }
            }

            return TokenMatch.None;
        }

        private static void Report(OperationAnalysisContext context, IOperation expression, AuthSinkKind kind, string sinkMember, TokenMatch match, string displayName)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TP0002_HardcodedBearerToken,
                expression.Syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.SinkKind, kind.ToString())
                    .Add(DiagnosticProperties.SinkMember, sinkMember),
                match.Kind,
                displayName));
        }
    }
}
