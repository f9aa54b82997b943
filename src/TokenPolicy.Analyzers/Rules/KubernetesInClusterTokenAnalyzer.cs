using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Sinks;

namespace TokenPolicy.Analyzers.Rules
{
    /// <summary>
    /// TP0003 (Info): kubernetes-client APIs that read the service-account token on the caller's behalf:
    /// <c>KubernetesClientConfiguration.InClusterConfig()</c> and <c>new TokenFileAuth(path)</c> with a token path.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KubernetesInClusterTokenAnalyzer : DiagnosticAnalyzer
    {
        private const string ConfigurationType = "k8s.KubernetesClientConfiguration";
        private const string TokenFileAuthType = "k8s.Authentication.TokenFileAuth";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TP0003_KubernetesInClusterToken);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(static start =>
            {
                var configuration = TypeLookup.Find(start.Compilation, ConfigurationType);
                var tokenFileAuth = TypeLookup.Find(start.Compilation, TokenFileAuthType);
                if (configuration is null && tokenFileAuth is null)
                {
                    return;
                }

                var evaluator = EvaluatorCache.Get(start.Compilation);
                if (configuration is not null)
                {
                    start.RegisterOperationAction(
                        c =>
                        {
                            var invocation = (IInvocationOperation)c.Operation;
                            if (invocation.TargetMethod.Name == "InClusterConfig"
                                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, configuration)
                                && AnalyzerGate.GetOptions(c) is not null)
                            {
                                c.ReportDiagnostic(Diagnostic.Create(Descriptors.TP0003_KubernetesInClusterToken, invocation.Syntax.GetLocation(), "KubernetesClientConfiguration.InClusterConfig()"));
                            }
                        },
                        OperationKind.Invocation);
                }

                if (tokenFileAuth is not null)
                {
                    start.RegisterOperationAction(
                        c =>
                        {
                            var creation = (IObjectCreationOperation)c.Operation;
                            if (!SymbolEqualityComparer.Default.Equals(creation.Type, tokenFileAuth))
                            {
                                return;
                            }

                            var options = AnalyzerGate.GetOptions(c);
                            var path = SinkResolver.Argument(creation.Arguments, "tokenFile") ?? SinkResolver.Argument(creation.Arguments, "token_file");
                            if (options is null || path is null)
                            {
                                return;
                            }

                            if (options.PathMatcher.FindTokenPath(evaluator.Evaluate(path, c.CancellationToken)) is { } tokenPath)
                            {
                                c.ReportDiagnostic(Diagnostic.Create(Descriptors.TP0003_KubernetesInClusterToken, creation.Syntax.GetLocation(), "new TokenFileAuth(" + tokenPath + ")"));
                            }
                        },
                        OperationKind.ObjectCreation);
                }
            });
        }
    }
}
