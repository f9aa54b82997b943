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
using Microsoft.CodeAnalysis.Text;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// Applies the fixes of any number of diagnostics to one document in a single edit: the single fix and FixAll
    /// (document, project, solution) share this path, so they compose. Never throws: on any failure the document is
    /// returned unchanged.
    /// </summary>
    internal static class ResolverRewriter
    {
        private static readonly SyntaxAnnotation s_unwrapAnnotation = new("TokenPolicy.UnwrapUsing");

        /// <summary>Plans for the diagnostics of a document (the fixable ones), or an empty list.</summary>
        public static async Task<IReadOnlyList<FixPlan>> PlanAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return Array.Empty<FixPlan>();
            }

            var client = ClientSymbols.Get(model.Compilation);
            if (client is null)
            {
                return Array.Empty<FixPlan>();
            }

            var plans = new List<FixPlan>();
            var claimed = new List<TextSpan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var plan = FixPlanner.Plan(model, root, diagnostic, cancellationToken);
                if (plan is null)
                {
                    continue;
                }

                // Nested or overlapping fixes would edit the same syntax twice: keep the first.
                var footprint = Footprint(plan);
                if (footprint.Any(mine => claimed.Any(span => span.IntersectsWith(mine) || span.Contains(mine) || mine.Contains(span))))
                {
                    continue;
                }

                plan.Scope = ResolverScope.Compute(model, plan.Target, client, cancellationToken);
                claimed.AddRange(footprint);
                plans.Add(plan);
            }

            return plans;
        }

        public static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool inject, CancellationToken cancellationToken)
        {
            try
            {
                return await FixCoreAsync(document, diagnostics, inject, cancellationToken).ConfigureAwait(false) ?? document;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A fix never throws (half-typed code, unexpected shapes): leave the document as it is.
                return document;
            }
        }

        private static async Task<Document?> FixCoreAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool inject, CancellationToken cancellationToken)
        {
            var plans = (await PlanAsync(document, diagnostics, cancellationToken).ConfigureAwait(false))
                .Where(p => !inject || p.Scope.InjectionType is not null)
                .ToList();
            if (plans.Count == 0)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var client = model is null ? null : ClientSymbols.Get(model.Compilation);
            if (model is null || client is null)
            {
                return null;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);

            var injections = new Dictionary<TypeDeclarationSyntax, InjectionNames>();
            if (inject)
            {
                foreach (var group in plans.GroupBy(p => p.Scope.InjectionType!))
                {
                    if (model.GetDeclaredSymbol(group.Key, cancellationToken) is INamedTypeSymbol symbol)
                    {
                        injections[group.Key] = Injection.ChooseNames(group.Key, symbol, model, InjectedType.Resolver(client), group.Select(p => p.Scope.Position));
                    }
                }

                plans.RemoveAll(p => !injections.ContainsKey(p.Scope.InjectionType!));
            }

            // 1. The replacements.
            foreach (var plan in plans)
            {
                var resolver = inject
                    ? SyntaxFactory.IdentifierName(injections[plan.Scope.InjectionType!].Reference)
                    : plan.Scope.ExistingResolver is { } existing
                        ? SyntaxFactory.IdentifierName(existing)
                        : DefaultResolver(plan.Scope.ResolverClassInScope);
                var replacement = BuildReplacement(plan, resolver);
                editor.ReplaceNode(plan.Target, (current, _) => replacement.WithTriviaFrom(current));
            }

            // 2. Readers that are gone: their declaration, or the using statement around the read.
            foreach (var plan in plans)
            {
                if (plan.RemovedStatement is { } removed)
                {
                    RemoveStatement(editor, removed);
                }

                if (plan.UnwrappedUsing is { } usingStatement)
                {
                    editor.ReplaceNode(usingStatement, (current, _) => Unwrap((UsingStatementSyntax)current));
                }
            }

            // 3. The injected resolver, once per class.
            foreach (var pair in injections)
            {
                var names = pair.Value;
                editor.ReplaceNode(pair.Key, (current, _) => Injection.Apply((TypeDeclarationSyntax)current, names));
            }

            var root = SpliceUnwrapped(editor.GetChangedRoot());
            var changed = document.WithSyntaxRoot(root);
            if (root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).Any())
            {
                changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, null, cancellationToken).ConfigureAwait(false);
                changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, null, cancellationToken).ConfigureAwait(false);
            }

            changed = await Formatter.FormatAsync(changed, Formatter.Annotation, null, cancellationToken).ConfigureAwait(false);
            return changed;
        }

        /// <summary>The syntax a plan edits: the target, and the statement it removes or the using it unwraps.</summary>
        private static List<TextSpan> Footprint(FixPlan plan)
        {
            var spans = new List<TextSpan> { plan.Target.Span };
            if (plan.RemovedStatement is { } removed)
            {
                spans.Add(removed.Span);
            }

            if (plan.UnwrappedUsing is { } usingStatement)
            {
                // The using statement itself is replaced; fixes inside its body still compose (edited first).
                spans.Add(TextSpan.FromBounds(usingStatement.SpanStart, usingStatement.Statement.SpanStart));
            }

            return spans;
        }

        /// <summary><c>global::TokenPolicy.Credentials.CredentialTokenResolver.Default</c>, simplified (and imported) afterwards.</summary>
        private static ExpressionSyntax DefaultResolver(bool inScope)
            => SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                inScope
                    ? SyntaxFactory.IdentifierName(ClientSymbols.ResolverClassName)
                    : SyntaxFactory.ParseName(ClientSymbols.QualifiedResolverClass).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                SyntaxFactory.IdentifierName("Default"));

        /// <summary>
        /// <c>resolver.Resolve()</c> or <c>(await resolver.ResolveAsync(ct))</c>, then <c>.Value</c>,
        /// <c>.ToAuthorizationHeader()</c> or <c>.ToAuthorizationHeader().ToString()</c>.
        /// </summary>
        internal static ExpressionSyntax BuildReplacement(FixPlan plan, ExpressionSyntax resolver)
        {
            ExpressionSyntax token;
            if (plan.Scope.CanAwait)
            {
                var cancellationToken = plan.OriginalCancellationToken?.WithoutTrivia()
                    ?? (plan.Scope.CancellationToken is { } name ? SyntaxFactory.IdentifierName(name) : null);
                var arguments = cancellationToken is null
                    ? SyntaxFactory.ArgumentList()
                    : SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(cancellationToken)));
                ExpressionSyntax call = SyntaxFactory.InvocationExpression(Member(resolver, "ResolveAsync"), arguments);
                if (plan.ConfigureAwaitArgument is { } configureAwait)
                {
                    call = SyntaxFactory.InvocationExpression(
                        Member(call, "ConfigureAwait"),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(configureAwait.WithoutTrivia()))));
                }

                token = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(call));
            }
            else
            {
                token = SyntaxFactory.InvocationExpression(Member(resolver, "Resolve"));
            }

            ExpressionSyntax result = plan.Kind switch
            {
                ReplacementKind.TokenValue => Member(token, "Value"),
                ReplacementKind.Header => SyntaxFactory.InvocationExpression(Member(token, "ToAuthorizationHeader")),
                _ => SyntaxFactory.InvocationExpression(Member(SyntaxFactory.InvocationExpression(Member(token, "ToAuthorizationHeader")), "ToString")),
            };

            if (plan.Kind == ReplacementKind.TokenValue)
            {
                result = Convert(result, plan.Conversion);
            }

            result = plan.Wrapper switch
            {
                TaskWrapper.Task => Call(QualifiedType("System.Threading.Tasks.Task"), "FromResult", result),
                TaskWrapper.ValueTask => Call(QualifiedType("System.Threading.Tasks.ValueTask"), "FromResult", result),
                _ => result,
            };

            return OnOneLine(result.NormalizeWhitespace(elasticTrivia: false));
        }

        /// <summary><c>NormalizeWhitespace</c> puts array initializers on lines of their own: <c>new[] { value }</c> stays on one.</summary>
        private static ExpressionSyntax OnOneLine(ExpressionSyntax expression)
            => expression.ReplaceNodes(
                expression.DescendantNodesAndSelf().OfType<ImplicitArrayCreationExpressionSyntax>(),
                (_, creation) => creation
                    .WithCloseBracketToken(creation.CloseBracketToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithInitializer(creation.Initializer
                        .WithOpenBraceToken(creation.Initializer.OpenBraceToken.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space))
                        .WithExpressions(SyntaxFactory.SeparatedList(
                            creation.Initializer.Expressions.Select(e => e.WithoutLeadingTrivia().WithoutTrailingTrivia()),
                            creation.Initializer.Expressions.GetSeparators().Select(t => t.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space))))
                        .WithCloseBraceToken(creation.Initializer.CloseBraceToken.WithoutTrivia().WithLeadingTrivia(SyntaxFactory.Space))));

        /// <summary>The token text in the shape the original read produced: bytes, lines, a read-only stream.</summary>
        private static ExpressionSyntax Convert(ExpressionSyntax value, ValueConversion conversion)
        {
            switch (conversion)
            {
                case ValueConversion.Utf8Bytes:
                    return Utf8Bytes(value);
                case ValueConversion.LineArray:
                    return SyntaxFactory.ImplicitArrayCreationExpression(
                        SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression, SyntaxFactory.SingletonSeparatedList(value)));
                case ValueConversion.LineSequence:
                    return Call(
                        QualifiedType("System.Linq.Enumerable"),
                        "Repeat",
                        value,
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1)));
                case ValueConversion.ReadOnlyStream:
                    return SyntaxFactory.ObjectCreationExpression(QualifiedType("System.IO.MemoryStream"))
                        .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                        {
                            SyntaxFactory.Argument(Utf8Bytes(value)),
                            SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression))
                                .WithNameColon(SyntaxFactory.NameColon("writable")),
                        })));
                default:
                    return value;
            }
        }

        /// <summary><c>Encoding.UTF8.GetBytes(value)</c>.</summary>
        private static ExpressionSyntax Utf8Bytes(ExpressionSyntax value)
            => SyntaxFactory.InvocationExpression(
                Member(Member(QualifiedType("System.Text.Encoding"), "UTF8"), "GetBytes"),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value))));

        private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string name, params ExpressionSyntax[] arguments)
            => SyntaxFactory.InvocationExpression(
                Member(receiver, name),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))));

        /// <summary><c>global::Namespace.Type</c>, simplified (and imported) after the edit.</summary>
        private static NameSyntax QualifiedType(string metadataName)
            => SyntaxFactory.ParseName("global::" + metadataName).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        private static MemberAccessExpressionSyntax Member(ExpressionSyntax expression, string name)
            => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, SyntaxFactory.IdentifierName(name));

        /// <summary>Removes a statement; comments (and directives) in front of it move to the next statement.</summary>
        private static void RemoveStatement(DocumentEditor editor, SyntaxNode statement)
        {
            var leading = statement.GetLeadingTrivia();
            var keep = leading.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
            var next = NextSibling(statement);
            if (keep && next is not null)
            {
                var moved = leading.Reverse().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().ToList();
                editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(moved.Concat(current.GetLeadingTrivia())));
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
                return;
            }

            editor.RemoveNode(statement, keep ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
        }

        private static SyntaxNode? NextSibling(SyntaxNode node)
        {
            var siblings = node.Parent?.ChildNodes().ToList();
            if (siblings is null)
            {
                return null;
            }

            var index = siblings.IndexOf(node);
            return index >= 0 && index + 1 < siblings.Count && (siblings[index + 1] is StatementSyntax || siblings[index + 1] is GlobalStatementSyntax)
                ? siblings[index + 1]
                : null;
        }

        /// <summary>The using statement becomes its body (marked; spliced into the enclosing block afterwards when that is safe).</summary>
        private static SyntaxNode Unwrap(UsingStatementSyntax usingStatement)
        {
            var body = usingStatement.Statement;
            var leading = usingStatement.GetLeadingTrivia();
            if (body is BlockSyntax block)
            {
                return block
                    .WithOpenBraceToken(block.OpenBraceToken.WithLeadingTrivia(leading))
                    .WithAdditionalAnnotations(s_unwrapAnnotation);
            }

            return body.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// Replaces each marked block with its statements when its parent is a block, a switch section or the top level
        /// and none of its locals would clash with a name in the enclosing code; otherwise the block stays.
        /// </summary>
        private static SyntaxNode SpliceUnwrapped(SyntaxNode root)
        {
            while (true)
            {
                var block = root.GetAnnotatedNodes(s_unwrapAnnotation).OfType<BlockSyntax>().FirstOrDefault();
                if (block is null)
                {
                    return root;
                }

                var unmarked = block.WithoutAnnotations(s_unwrapAnnotation);
                SyntaxNode container = block.Parent is GlobalStatementSyntax global ? global : block;
                var parentOk = block.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax;
                if (!parentOk || block.Statements.Count == 0 || Clashes(block))
                {
                    root = root.ReplaceNode(block, unmarked);
                    continue;
                }

                var statements = block.Statements.ToList();
                var leading = block.OpenBraceToken.LeadingTrivia
                    .Reverse().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse()
                    .ToList();
                var comments = leading.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
                statements[0] = statements[0].WithLeadingTrivia(
                    (comments ? leading : Enumerable.Empty<SyntaxTrivia>()).Concat(statements[0].GetLeadingTrivia()));
                var hoisted = statements.Select(s => (SyntaxNode)s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
                if (container is GlobalStatementSyntax)
                {
                    hoisted = hoisted.Select(s => (SyntaxNode)SyntaxFactory.GlobalStatement((StatementSyntax)s)).ToList();
                }

                root = root.ReplaceNode(container, hoisted);
            }
        }

        /// <summary>Locals declared directly in the block that are also declared elsewhere in the enclosing member.</summary>
        private static bool Clashes(BlockSyntax block)
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var statement in block.Statements)
            {
                foreach (var node in statement.DescendantNodesAndSelf(n => n == statement || (n is not BlockSyntax && n is not AnonymousFunctionExpressionSyntax && n is not LocalFunctionStatementSyntax)))
                {
                    if (DeclaredName(node) is { } name)
                    {
                        own.Add(name);
                    }
                }
            }

            if (own.Count == 0)
            {
                return false;
            }

            SyntaxNode scope = (SyntaxNode?)block.FirstAncestorOrSelf<MemberDeclarationSyntax>(n => n is not GlobalStatementSyntax) ?? block.SyntaxTree.GetRoot();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var node in scope.DescendantNodes())
            {
                if (DeclaredName(node) is { } name && own.Contains(name))
                {
                    counts[name] = counts.TryGetValue(name, out var n) ? n + 1 : 1;
                }
            }

            return counts.Values.Any(n => n > 1);
        }

        private static string? DeclaredName(SyntaxNode node) => node switch
        {
            VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
            SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
            LocalFunctionStatementSyntax function => function.Identifier.ValueText,
            ForEachStatementSyntax forEach => forEach.Identifier.ValueText,
            CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier.ValueText,
            ParameterSyntax parameter => parameter.Identifier.ValueText,
            _ => null,
        };
    }
}
