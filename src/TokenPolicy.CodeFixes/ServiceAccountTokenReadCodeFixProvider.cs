using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TokenPolicy.Analyzers;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// TP0001: a read that yields the token text (<c>File.ReadAllText(Async)</c>, a <c>StreamReader</c> read to the
    /// end, optionally trimmed) becomes the resolver's token value.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ServiceAccountTokenReadCodeFixProvider))]
    [Shared]
    public sealed class ServiceAccountTokenReadCodeFixProvider : ResolverCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ServiceAccountTokenRead);
    }
}
