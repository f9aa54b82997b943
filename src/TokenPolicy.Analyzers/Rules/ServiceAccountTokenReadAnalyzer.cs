using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Sinks;

namespace TokenPolicy.Analyzers.Rules
{
    /// <summary>TP0001: a file read whose path evaluates to a service-account (workload identity) token file.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ServiceAccountTokenReadAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TP0001_ServiceAccountTokenRead, Descriptors.TP0001_ServiceAccountTokenReadViaCall);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is analysed so that `tokenpolicy.analyze_generated_code = true` can opt in; by default it is skipped below.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(static start =>
            {
                var sinks = ReadSinks.Resolve(start.Compilation);
                if (sinks.IsEmpty)
                {
                    return;
                }

                var evaluator = EvaluatorCache.Get(start.Compilation);
                var flows = evaluator.GetFlowSummaries(RuleIdentifiers.ServiceAccountTokenRead, _ => sinks);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, flows, evaluator), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeCreation(c, sinks, flows, evaluator), OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ReadSinks sinks, FlowSummaries flows, ValueEvaluator evaluator)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (sinks.TryGet(invocation.TargetMethod, out var sink))
            {
                Analyze(context, sink, invocation.Instance, invocation.Arguments, evaluator);
            }
            else if (FlowSummaries.MayHaveSummary(invocation.TargetMethod))
            {
                AnalyzeCall(context, invocation.TargetMethod, invocation.Arguments, flows);
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, ReadSinks sinks, FlowSummaries flows, ValueEvaluator evaluator)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { } constructor)
            {
                return;
            }

            if (sinks.TryGet(constructor, out var sink))
            {
                Analyze(context, sink, null, creation.Arguments, evaluator);
            }
            else if (FlowSummaries.MayHaveSummary(constructor))
            {
                AnalyzeCall(context, constructor, creation.Arguments, flows);
            }
        }

        /// <summary>The call's location; for <c>: base(...)</c> / <c>: this(...)</c>, from the keyword on.</summary>
        internal static Location CallLocation(SyntaxNode syntax)
            => syntax is ConstructorInitializerSyntax initializer
                ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(initializer.ThisOrBaseKeyword.SpanStart, initializer.Span.End))
                : syntax.GetLocation();

        /// <summary>
        /// A call into a method of this compilation whose parameter reaches a read (directly, through fields it sets,
        /// or through further calls): reported here, where the token path is chosen, when the argument is one.
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

            foreach (var (flow, _, values) in flows.AtCall(callee, arguments, context.CancellationToken))
            {
                var tokenPath = options.PathMatcher.FindTokenPath(values);
                if (tokenPath is null)
                {
                    continue;
                }

                var calleeName = FlowSummaries.DisplayName(callee.OriginalDefinition);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TP0001_ServiceAccountTokenReadViaCall,
                    CallLocation(context.Operation.Syntax),
                    ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.SinkMember, callee.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat))
                        .Add(DiagnosticProperties.YieldsText, flow.ReturnsSinkText && callee.ReturnType.SpecialType == SpecialType.System_String ? "true" : "false")
                        .Add(DiagnosticProperties.ViaCall, "true"),
                    calleeName + "(" + flow.Parameter.Name + ")",
                    flow.Parameter.Name,
                    flow.Chain,
                    tokenPath));
                return;
            }
        }

        private static void Analyze(OperationAnalysisContext context, ReadSink sink, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, ValueEvaluator evaluator)
        {
            if (!ReadSinks.MayRead(sink, arguments))
            {
                return;
            }

            var options = AnalyzerGate.GetOptions(context);
            if (options is null)
            {
                return;
            }

            var path = ReadSinks.PathOperation(sink, instance, arguments);
            if (path is null)
            {
                return;
            }

            var tokenPath = options.PathMatcher.FindTokenPath(evaluator.Evaluate(path, context.CancellationToken));
            if (tokenPath is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TP0001_ServiceAccountTokenRead,
                    context.Operation.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.SinkMember, sink.TypeName + "." + sink.MemberName)
                        .Add(DiagnosticProperties.YieldsText, sink.YieldsText ? "true" : "false"),
                    sink.DisplayName,
                    tokenPath));
            }
        }
    }
}
