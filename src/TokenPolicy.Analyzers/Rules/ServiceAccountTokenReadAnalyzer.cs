using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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
            ImmutableArray.Create(Descriptors.TP0001_ServiceAccountTokenRead);

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
                start.RegisterOperationAction(c => AnalyzeInvocation(c, sinks, evaluator), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeCreation(c, sinks, evaluator), OperationKind.ObjectCreation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ReadSinks sinks, ValueEvaluator evaluator)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (sinks.TryGet(invocation.TargetMethod, out var sink))
            {
                Analyze(context, sink, invocation.Instance, invocation.Arguments, evaluator);
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, ReadSinks sinks, ValueEvaluator evaluator)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is { } constructor && sinks.TryGet(constructor, out var sink))
            {
                Analyze(context, sink, null, creation.Arguments, evaluator);
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
