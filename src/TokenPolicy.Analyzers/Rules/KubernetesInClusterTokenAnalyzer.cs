using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Candidates;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Sinks;

namespace TokenPolicy.Analyzers.Rules
{
    /// <summary>
    /// TP0003 (Info): kubernetes-client APIs that read the service-account token on the caller's behalf:
    /// <c>KubernetesClientConfiguration.InClusterConfig()</c> and <c>new TokenFileAuth(path)</c> with a token path.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KubernetesInClusterTokenAnalyzer : TokenPolicyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TP0003_KubernetesInClusterToken);

        private protected override ImmutableArray<OperationKind> OperationKinds { get; } =
            ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

        private protected override string CandidateFamily => TokenPathCandidates.Family;

        private protected override bool FollowsCalls => false;

        private protected override DiagnosticDescriptor? ViaCallDescriptor => null;

        private protected override CandidateFilter CreateCandidateFilter(TokenPolicyOptions mergedOptions) => new TokenPathCandidates(mergedOptions);

        private protected override ISinkMatcher? CreateSinks(CompilationState state) => KubernetesSinks.Resolve(state.Compilation);

        private protected override string? Judge(ValueSet values, SinkRow row, TokenPolicyOptions options) => options.PathMatcher.FindTokenPath(values);

        private protected override Diagnostic CreateDiagnostic(Location location, in SinkMatch match, string? found, ImmutableDictionary<string, string?> properties)
            => Diagnostic.Create(
                Descriptors.TP0003_KubernetesInClusterToken,
                location,
                properties,
                found is null ? match.DisplayName : match.DisplayName + "(" + found + ")");
    }
}
