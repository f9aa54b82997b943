using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TokenPolicy.Analyzers;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// TP0002: a hardcoded header becomes the resolver's header (<c>ToAuthorizationHeader()</c>), its string form where
    /// the sink takes a string, or the resolver's token value where the sink takes the raw token.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedBearerTokenCodeFixProvider))]
    [Shared]
    public sealed class HardcodedBearerTokenCodeFixProvider : ResolverCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HardcodedBearerToken);
    }
}
