using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// TP0004's second action (key <see cref="EquivalenceKeys.UseCredentialClient"/>): the body of a plain fetch
    /// (<see cref="PlainFetch"/>) becomes <c>var result = await client.GetByIdAsync(id, ct); return result.Credential?.Token ...;</c>,
    /// with a <c>CredentialClient</c> in scope or injected through the constructor. The single fix and FixAll share this
    /// path, one edit per document; it never throws (on any failure the document is returned unchanged).
    /// </summary>
    internal static class CredentialClientRewriter
    {
        /// <summary>The plans of the diagnostics of one document that can be rewritten (one per function).</summary>
        public static async Task<IReadOnlyList<PlainFetchPlan>> PlanAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var client = model is null ? null : ClientSymbols.Get(model.Compilation);
            if (root is null || model is null || client?.CredentialClient is not { } credentialClient)
            {
                return Array.Empty<PlainFetchPlan>();
            }

            var plans = new List<PlainFetchPlan>();
            var functions = new HashSet<SyntaxNode>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (diagnostic.Location.SourceTree != root.SyntaxTree
                    || PlainFetch.Plan(model, root, diagnostic, cancellationToken) is not { } plan
                    || !functions.Add(plan.Function))
                {
                    continue;
                }

                var body = (SyntaxNode?)(plan.Function as MethodDeclarationSyntax)?.Body ?? (plan.Function as MethodDeclarationSyntax)?.ExpressionBody
                    ?? (SyntaxNode?)(plan.Function as LocalFunctionStatementSyntax)?.Body ?? (plan.Function as LocalFunctionStatementSyntax)?.ExpressionBody;
                plan.Scope = ResolverScope.Compute(
                    model,
                    plan.Request,
                    type => type is not null && SymbolEqualityComparer.Default.Equals(type, credentialClient),
                    client,
                    body,
                    cancellationToken);
                if (plan.Scope.ExistingResolver is null && plan.Scope.InjectionType is null)
                {
                    continue;
                }

                plans.Add(plan);
            }

            return plans;
        }

        public static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            try
            {
                return await FixCoreAsync(document, diagnostics, cancellationToken).ConfigureAwait(false) ?? document;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A fix never throws (half-typed code, unexpected shapes): leave the document as it is.
                return document;
            }
        }

        private static async Task<Document?> FixCoreAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var plans = (await PlanAsync(document, diagnostics, cancellationToken).ConfigureAwait(false)).ToList();
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var client = model is null ? null : ClientSymbols.Get(model.Compilation);
            if (plans.Count == 0 || model is null || client?.CredentialClient is not { } credentialClient)
            {
                return null;
            }

            var injections = new Dictionary<TypeDeclarationSyntax, InjectionNames>();
            foreach (var group in plans.Where(p => p.Scope.ExistingResolver is null).GroupBy(p => p.Scope.InjectionType!))
            {
                if (model.GetDeclaredSymbol(group.Key, cancellationToken) is INamedTypeSymbol symbol)
                {
                    injections[group.Key] = Injection.ChooseNames(group.Key, symbol, model, InjectedType.CredentialClient(credentialClient), group.Select(p => p.Scope.Position));
                }
            }

            plans.RemoveAll(p => p.Scope.ExistingResolver is null && !injections.ContainsKey(p.Scope.InjectionType!));
            if (plans.Count == 0)
            {
                return null;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var newLine = editor.OriginalRoot.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
            newLine = string.IsNullOrEmpty(newLine) ? "\n" : newLine;
            foreach (var plan in plans)
            {
                var reference = plan.Scope.ExistingResolver ?? injections[plan.Scope.InjectionType!].Reference;
                var body = NewBody(plan, reference, ResultName(model, plan, cancellationToken), newLine);
                editor.ReplaceNode(plan.Function, (current, _) => WithBody(current, body));
            }

            foreach (var pair in injections)
            {
                var names = pair.Value;
                editor.ReplaceNode(pair.Key, (current, _) => Injection.Apply((TypeDeclarationSyntax)current, names));
            }

            var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
            var root = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root!.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).Any())
            {
                changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, null, cancellationToken).ConfigureAwait(false);
                changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, null, cancellationToken).ConfigureAwait(false);
            }

            return await Formatter.FormatAsync(changed, Formatter.Annotation, null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// <c>{ var result = await client.GetByIdAsync(id[, ct])[.ConfigureAwait(x)]; return result.Credential?.Token[ ?? x]; }</c>.
        /// </summary>
        private static BlockSyntax NewBody(PlainFetchPlan plan, string client, string result, string newLine)
        {
            var arguments = plan.Id.WithoutTrivia().ToString();
            if (plan.CancellationToken is { } token)
            {
                arguments += ", " + token.WithoutTrivia();
            }

            var call = client + ".GetByIdAsync(" + arguments + ")";
            if (plan.ConfigureAwait is { } configureAwait)
            {
                call += ".ConfigureAwait(" + configureAwait.WithoutTrivia() + ")";
            }

            var value = result + ".Credential?.Token";
            if (plan.Coalesce is { } coalesce)
            {
                value += " ?? " + coalesce.WithoutTrivia();
            }
            else if (plan.NonNullable)
            {
                value += " ?? string.Empty";
            }

            StatementSyntax Line(string text) => SyntaxFactory.ParseStatement(text)
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticEndOfLine(newLine));

            return SyntaxFactory.Block(Line("var " + result + " = await " + call + ";"), Line("return " + value + ";"))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static SyntaxNode WithBody(SyntaxNode function, BlockSyntax body)
        {
            switch (function)
            {
                case MethodDeclarationSyntax method:
                    return method.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithParameterList(method.ExpressionBody is not null ? method.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker) : method.ParameterList)
                        .WithBody(Framed(body, method.Body, method.ExpressionBody is not null ? method.SemicolonToken : default))
                        .WithAdditionalAnnotations(Formatter.Annotation);

                case LocalFunctionStatementSyntax local:
                    return local.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithParameterList(local.ExpressionBody is not null ? local.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker) : local.ParameterList)
                        .WithBody(Framed(body, local.Body, local.ExpressionBody is not null ? local.SemicolonToken : default))
                        .WithAdditionalAnnotations(Formatter.Annotation);

                default:
                    return function;
            }
        }

        /// <summary>The new body with the old body's brace trivia (or, for an expression body, the semicolon's trailing trivia).</summary>
        private static BlockSyntax Framed(BlockSyntax body, BlockSyntax? old, SyntaxToken semicolon)
        {
            var trailing = old is null ? semicolon.TrailingTrivia : old.CloseBraceToken.TrailingTrivia;
            var leading = old?.OpenBraceToken.LeadingTrivia ?? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker);
            return body.WithOpenBraceToken(body.OpenBraceToken.WithLeadingTrivia(leading)).WithCloseBraceToken(body.CloseBraceToken.WithTrailingTrivia(trailing));
        }

        /// <summary><c>result</c>, unless a parameter or an outer local already has that name.</summary>
        private static string ResultName(SemanticModel model, PlainFetchPlan plan, CancellationToken cancellationToken)
        {
            var body = plan.Function switch
            {
                MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
            var used = new HashSet<string>(StringComparer.Ordinal);
            if (body is not null)
            {
                foreach (var symbol in model.LookupSymbols(body.SpanStart))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol
                        && !symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == body.SyntaxTree && body.Span.Contains(r.Span)))
                    {
                        used.Add(symbol.Name);
                    }
                }

                // Names the kept expressions use (a field called result read by the id, say) stay theirs.
                foreach (var name in new[] { plan.Id, plan.CancellationToken, plan.Coalesce }.Where(e => e is not null).SelectMany(e => e!.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()))
                {
                    used.Add(name.Identifier.ValueText);
                }

                used.Add(plan.Scope.ExistingResolver ?? string.Empty);
            }

            foreach (var candidate in new[] { "result", "credentialResult" })
            {
                if (!used.Contains(candidate))
                {
                    return candidate;
                }
            }

            for (var i = 2; ; i++)
            {
                var candidate = "result" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!used.Contains(candidate))
                {
                    return candidate;
                }
            }
        }
    }
}
