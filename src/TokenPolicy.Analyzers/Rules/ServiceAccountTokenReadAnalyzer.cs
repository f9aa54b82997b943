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
    /// <summary>TP0001: a file read whose path evaluates to a service-account (workload identity) token file.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ServiceAccountTokenReadAnalyzer : TokenPolicyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TP0001_ServiceAccountTokenRead, Descriptors.TP0001_ServiceAccountTokenReadViaCall);

        private protected override ImmutableArray<OperationKind> OperationKinds { get; } =
            ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

        private protected override string CandidateFamily => TokenPathCandidates.Family;

        private protected override DiagnosticDescriptor ViaCallDescriptor => Descriptors.TP0001_ServiceAccountTokenReadViaCall;

        private protected override ImmutableArray<string> SinkNeedles => ReadSinks.Needles;

        private protected override bool IsSinkWord(SyntaxToken token) => ReadSinks.IsSinkName(token.ValueText);

        private protected override CandidateFilter CreateCandidateFilter(TokenPolicyOptions mergedOptions) => new TokenPathCandidates(mergedOptions);

        private protected override ISinkMatcher? CreateSinks(CompilationState state)
        {
            var sinks = ReadSinks.Resolve(state.Compilation);
            return sinks.IsEmpty ? null : sinks;
        }

        /// <summary>The token path among the values, as shown in the message.</summary>
        private protected override string? Judge(ValueSet values, SinkRow row, TokenPolicyOptions options) => options.PathMatcher.FindTokenPath(values);

        private protected override Diagnostic CreateDiagnostic(Location location, in SinkMatch match, string? found, ImmutableDictionary<string, string?> properties)
            => Diagnostic.Create(Descriptors.TP0001_ServiceAccountTokenRead, location, properties, match.DisplayName, found);

        /// <summary>
        /// A helper that returns what the read returned (the text as a string or a task of one; the bytes; the lines) can
        /// be replaced by the resolved token in that form. The fixer checks the helper's return type for bytes and lines.
        /// </summary>
        private protected override FixKind ViaCallFixKind(IMethodSymbol callee, Flow flow)
        {
            if (!flow.ReturnsSinkText)
            {
                return FixKind.None;
            }

            return flow.Sink.FixKind switch
            {
                FixKind.FileText => ReturnsText(callee.ReturnType) ? FixKind.FileText : FixKind.None,
                FixKind.FileBytes or FixKind.FileLines => flow.Sink.FixKind,
                _ => FixKind.None,
            };
        }

        private static bool ReturnsText(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_String
               || (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
                   && task.TypeArguments[0].SpecialType == SpecialType.System_String
                   && TokenPolicy.Analyzers.Requests.ScopeFacts.IsNamespace(task.ContainingNamespace, "System.Threading.Tasks"));
    }
}
