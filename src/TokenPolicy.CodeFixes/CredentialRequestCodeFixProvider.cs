using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using TokenPolicy.Analyzers;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// TP0004: the credential request's Authorization value (<c>x.Headers.Authorization = ...</c> or
    /// <c>x.DefaultRequestHeaders.Authorization = ...</c>, one per finding, named by
    /// <see cref="DiagnosticProperties.HeaderLocation"/>) becomes the resolver's header; a header string given to
    /// <c>Headers.Add("Authorization", ...)</c> / <c>TryAddWithoutValidation</c> becomes its string form. The same two actions, resolver
    /// choice and FixAll as TP0001/TP0002 (<see cref="ResolverCodeFixProvider"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CredentialRequestCodeFixProvider))]
    [Shared]
    public sealed class CredentialRequestCodeFixProvider : ResolverCodeFixProvider
    {
        internal const string UseCredentialClientTitle = "Fetch it with CredentialClient.GetByIdAsync";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnsanctionedCredentialRequest);

        /// <summary>
        /// The plain fetch (a method whose job is the request and whose result is the answer's <c>token</c>): its body becomes
        /// <c>CredentialClient.GetByIdAsync(id, ct)</c> (<see cref="CredentialClientRewriter"/>), after the header fix.
        /// </summary>
        protected override async Task RegisterMoreFixesAsync(CodeFixContext context, ImmutableArray<Diagnostic> diagnostic)
        {
            var document = context.Document;
            var plans = await CredentialClientRewriter.PlanAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plans.Count == 0)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    UseCredentialClientTitle,
                    ct => CredentialClientRewriter.FixAsync(document, diagnostic, ct),
                    EquivalenceKeys.UseCredentialClient),
                diagnostic);
        }
    }

    /// <summary>The TP0004 plan: the header value the analyzer named, when it is in this document.</summary>
    internal static class CredentialRequestFix
    {
        public static FixPlan? Plan(SyntaxNode root, Diagnostic diagnostic)
        {
            var kind = DiagnosticProperties.GetFixKind(diagnostic);
            if (kind is not (FixKind.RequestHeader or FixKind.RequestHeaderString)
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.HeaderLocation, out var location)
                || location is null)
            {
                return null;
            }

            var parts = location.Split(':');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || start + length > root.FullSpan.End)
            {
                return null;
            }

            var span = new TextSpan(start, length);
            return root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax header && header.Span == span && !header.ContainsDiagnostics
                ? new FixPlan(header, kind == FixKind.RequestHeader ? ReplacementKind.Header : ReplacementKind.HeaderString)
                : null;
        }
    }
}
