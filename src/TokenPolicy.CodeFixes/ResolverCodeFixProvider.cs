using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// Shared by the TP0001, TP0002 and TP0004 fixers. Registers, per fixable diagnostic:
    /// <list type="number">
    /// <item>the safe default (always first, key <see cref="EquivalenceKeys.UseResolver"/>): the resolver in scope, else
    /// <c>CredentialTokenResolver.Default</c>; <c>await ResolveAsync</c> in async code, <c>Resolve()</c> elsewhere;</item>
    /// <item>in classes, "Inject ICredentialTokenResolver through the constructor" (key <see cref="EquivalenceKeys.InjectResolver"/>);</item>
    /// <item>what the rule adds (<see cref="RegisterMoreFixesAsync"/>; TP0004: key <see cref="EquivalenceKeys.UseCredentialClient"/>).</item>
    /// </list>
    /// FixAll goes through the same rewriters, one pass per document, for document, project and solution scope.
    /// </summary>
    public abstract class ResolverCodeFixProvider : CodeFixProvider
    {
        internal const string UseResolverTitle = "Use the caller-or-OIDC resolver (ICredentialTokenResolver)";
        internal const string InjectResolverTitle = "Inject ICredentialTokenResolver through the constructor";

        private static readonly FixAllProvider s_fixAll = FixAllProvider.Create(FixAllInDocumentAsync);

        public sealed override FixAllProvider GetFixAllProvider() => s_fixAll;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            try
            {
                var document = context.Document;
                foreach (var diagnostic in context.Diagnostics)
                {
                    var plans = await ResolverRewriter.PlanAsync(document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
                    var single = ImmutableArray.Create(diagnostic);
                    if (plans.Count == 0)
                    {
                        await RegisterMoreFixesAsync(context, single).ConfigureAwait(false);
                        continue;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(
                            UseResolverTitle,
                            ct => ResolverRewriter.FixAsync(document, single, inject: false, ct),
                            EquivalenceKeys.UseResolver),
                        diagnostic);

                    if (plans[0].Scope.InjectionType is not null)
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                InjectResolverTitle,
                                ct => ResolverRewriter.FixAsync(document, single, inject: true, ct),
                                EquivalenceKeys.InjectResolver),
                            diagnostic);
                    }

                    await RegisterMoreFixesAsync(context, single).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never throw from a fixer (half-typed code): offer nothing.
            }
        }

        /// <summary>Actions a rule adds after the resolver's (TP0004: the plain-fetch rewrite). None by default.</summary>
        protected virtual Task RegisterMoreFixesAsync(CodeFixContext context, ImmutableArray<Diagnostic> diagnostic) => Task.CompletedTask;

        /// <summary>
        /// FixAll: every diagnostic of the document in one edit. A null key is the default action too: that is what
        /// <c>dotnet format</c> passes when the first diagnostic it looked at has no fix.
        /// </summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            bool inject;
            switch (context.CodeActionEquivalenceKey)
            {
                case null:
                case EquivalenceKeys.UseResolver:
                    inject = false;
                    break;
                case EquivalenceKeys.InjectResolver:
                    inject = true;
                    break;
                case EquivalenceKeys.UseCredentialClient:
                    return diagnostics.IsDefaultOrEmpty
                        ? document
                        : await CredentialClientRewriter.FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);
                default:
                    return document;
            }

            if (diagnostics.IsDefaultOrEmpty)
            {
                return document;
            }

            return await ResolverRewriter.FixAsync(document, diagnostics, inject, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
