using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Candidates;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Sinks;

namespace TokenPolicy.Analyzers.Rules
{
    /// <summary>
    /// TP0002: a constant, token-like string (JWT, vendor-prefixed token, random string, hex key, Basic credentials whose
    /// password is a token) that reaches an authentication sink: <c>AuthenticationHeaderValue</c>, the <c>Authorization</c>
    /// header of header collections (also <c>WebHeaderCollection</c> by <c>HttpRequestHeader</c> and header line),
    /// string-keyed dictionaries, gRPC metadata and <c>ClientWebSocket</c> options, <c>Authorization:</c> header lines in
    /// attributes, Octokit credentials, RestSharp, IdentityModel and Flurl authentication members, and API-key
    /// credentials (Azure, System.ClientModel, OpenAI). Reported once per sink, at the expression where the value enters it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedBearerTokenAnalyzer : TokenPolicyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.TP0002_HardcodedBearerToken, Descriptors.TP0002_HardcodedBearerTokenViaCall);

        private protected override ImmutableArray<OperationKind> OperationKinds { get; } =
            ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Attribute);

        private protected override string CandidateFamily => TokenLiteralCandidates.Family;

        private protected override bool ReportsAtValue => true;

        private protected override DiagnosticDescriptor ViaCallDescriptor => Descriptors.TP0002_HardcodedBearerTokenViaCall;

        private protected override ImmutableArray<string> SinkNeedles => AuthSinks.Needles;

        // Only where the name is used as a value or member: a model class called Authorization does not name the header.
        private protected override bool IsSinkWord(SyntaxToken token) => AuthSinks.IsSinkWord(token);

        private protected override CandidateFilter CreateCandidateFilter(TokenPolicyOptions mergedOptions) => new TokenLiteralCandidates(mergedOptions);

        // String-keyed dictionaries exist in every compilation, so there is always something to look at.
        private protected override ISinkMatcher CreateSinks(CompilationState state) => AuthSinks.Resolve(state.Compilation);

        private protected override IEnumerable<IOperation> ValueExpressions(SinkMatch match)
            => match.Row is AttributeSink ? AttributeHeaderLines(match) : AuthSinks.ValueExpressions(match.Value!);

        /// <summary>
        /// An attribute's constants that are header lines; none for an attribute written without arguments (<c>[Fact]</c>,
        /// most attributes of a test suite), which is seen from its syntax without walking its operation.
        /// </summary>
        private static IEnumerable<IOperation> AttributeHeaderLines(SinkMatch match)
        {
            if (match.Operation.Syntax is AttributeSyntax { ArgumentList: var list } && (list is null || OnlyOtherLiterals(list)))
            {
                return System.Array.Empty<IOperation>();
            }

            List<IOperation>? found = null;
            CollectOutermostConstants(match.Value!, ref found);
            return (IEnumerable<IOperation>?)found ?? System.Array.Empty<IOperation>();
        }

        /// <summary>
        /// The first fully constant value that is token-like. A raw-token sink given a whole header value ("Bearer x" as
        /// the parameter) still carries the token, so raw sinks try both readings; values with unknown or environment
        /// parts never are tokens.
        /// </summary>
        private protected override string? Judge(ValueSet values, SinkRow row, TokenPolicyOptions options)
        {
            foreach (var candidate in values.Values)
            {
                if (candidate.ConstantText is not { } text)
                {
                    continue;
                }

                var match = row.Reading switch
                {
                    ValueReading.HeaderLine => TokenClassifier.ClassifyHeaderValue(TokenClassifier.GetAuthorizationHeaderLineValue(text), options.EntropyThreshold, options.MinLength),
                    ValueReading.RawToken when row is AuthSink { IsPassword: true } => TokenClassifier.ClassifyPassword(text, options.EntropyThreshold, options.MinLength),
                    ValueReading.RawToken => TokenClassifier.ClassifyCredential(text, options.EntropyThreshold, options.MinLength),
                    _ => TokenMatch.None,
                };

                if (!match.IsToken && row.Reading != ValueReading.HeaderLine && row is not AuthSink { IsPassword: true })
                {
                    match = TokenClassifier.ClassifyHeaderValue(text, options.EntropyThreshold, options.MinLength);
                }

                if (match.IsToken)
                {
                    return match.Kind;
                }
            }

            return null;
        }

        /// <summary>
        /// At a call into a helper: the argument can be replaced by the resolved token when it reaches the sink unchanged
        /// (a raw-token sink: the token; a header-value sink: the header's string form), or as <c>"Scheme " + argument</c>
        /// at a header-value sink (the token). Whether the parameter is used for anything else is the fixer's check.
        /// </summary>
        private protected override FixKind ViaCallFixKind(IMethodSymbol callee, Flow flow)
        {
            if (flow.Sink.FixKind == FixKind.None || flow.Template.Values.Length != 1)
            {
                return FixKind.None;
            }

            var segments = flow.Template.Values[0].Segments;
            if (segments.Length == 1 && IsParameter(segments[0], flow.Parameter))
            {
                return flow.Sink.Reading switch
                {
                    ValueReading.RawToken => FixKind.RawToken,
                    ValueReading.HeaderValue => FixKind.HeaderString,
                    _ => FixKind.None,
                };
            }

            return segments.Length == 2
                && flow.Sink.Reading == ValueReading.HeaderValue
                && segments[0].Kind == SegmentKind.Literal
                && IsSchemePrefix(segments[0].Text)
                && IsParameter(segments[1], flow.Parameter)
                ? FixKind.RawToken
                : FixKind.None;
        }

        private static bool IsParameter(Segment segment, IParameterSymbol parameter)
            => segment.Kind == SegmentKind.Parameter && SymbolEqualityComparer.Default.Equals(segment.Parameter?.OriginalDefinition, parameter.OriginalDefinition);

        /// <summary><c>"Bearer "</c>, <c>"token "</c>: a scheme word and one space.</summary>
        private static bool IsSchemePrefix(string text)
        {
            if (text.Length < 2 || text[text.Length - 1] != ' ')
            {
                return false;
            }

            for (var i = 0; i < text.Length - 1; i++)
            {
                if (!char.IsLetter(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private protected override Diagnostic CreateDiagnostic(Location location, in SinkMatch match, string? found, ImmutableDictionary<string, string?> properties)
            => Diagnostic.Create(Descriptors.TP0002_HardcodedBearerToken, location, properties, found, match.DisplayName);

        /// <summary>
        /// Whether every argument is a literal that cannot be an <c>Authorization:</c> header line: a number, <c>true</c>,
        /// <c>null</c>, or a string literal without <c>authorization</c> in its value (any case). Most attributes with arguments
        /// (<c>[InlineData(1, "x")]</c>, <c>[Obsolete("...")]</c>, <c>[SuppressMessage(...)]</c>) are decided here from their
        /// syntax: walking their operations was the largest single item of TP0002's time on octokit.net (docs/performance.md,
        /// tenth pass). An argument that is not a literal (a constant's name, a concatenation, <c>typeof</c>, an array) goes
        /// to the operation walk, where its constant value is folded.
        /// </summary>
        private static bool OnlyOtherLiterals(AttributeArgumentListSyntax list)
        {
            foreach (var argument in list.Arguments)
            {
                if (argument.Expression is not LiteralExpressionSyntax literal)
                {
                    return false;
                }

                if (literal.Token.Value is string text && text.IndexOf("authorization", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The outermost constant strings under an attribute (its arguments and named values) that are an
        /// <c>Authorization:</c> header line: the cheap test first, so the test attributes of a code base cost a string compare.
        /// </summary>
        private static void CollectOutermostConstants(IOperation operation, ref List<IOperation>? found)
        {
            if (operation.ConstantValue.HasValue)
            {
                if (operation.ConstantValue.Value is string text && TokenClassifier.GetAuthorizationHeaderLineValue(text) is not null)
                {
                    (found ??= new List<IOperation>()).Add(operation);
                }

                return;
            }

            foreach (var child in operation.ChildOperations)
            {
                CollectOutermostConstants(child, ref found);
            }
        }
    }
}
