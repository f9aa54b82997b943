using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenPolicy.Cli.Tests;

/// <summary>
/// Test-only fixer for TP0001 with a FixAllProvider (BatchFixer): points the read at the sanctioned
/// bot-token file. Exercises --fix through the generic CodeFixProvider / FixAll API.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TestSanctionedPathFixer)), Shared]
public sealed class TestSanctionedPathFixer : CodeFixProvider
{
    public const string SanctionedPath = "/var/run/secrets/ambient/bot-token";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TP0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken);
        var node = root!.FindNode(context.Span, getInnermostNodeForTie: true);
        var arguments = node.AncestorsAndSelf().Select(n => n switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        }).FirstOrDefault(a => a is not null);
        if (arguments is null || arguments.Arguments.Count == 0)
        {
            return;
        }

        var path = arguments.Arguments[0].Expression;
        context.RegisterCodeFix(
            CodeAction.Create(
                "Read the sanctioned bot token (test fixer)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                    path,
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(SanctionedPath)).WithTriviaFrom(path)))),
                equivalenceKey: nameof(TestSanctionedPathFixer)),
            context.Diagnostics);
        context.RegisterCodeFix(
            CodeAction.Create("Second action, never the default (test fixer)", _ => Task.FromResult(context.Document), equivalenceKey: "second"),
            context.Diagnostics);
    }
}

/// <summary>
/// Test-only fixer for TP0002 without a FixAllProvider: replaces the flagged value with an environment
/// lookup. Exercises the one-finding-at-a-time path of --fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TestEnvironmentTokenFixer)), Shared]
public sealed class TestEnvironmentTokenFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TP0002");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken);
        var node = root!.FindNode(context.Span, getInnermostNodeForTie: true);
        var expression = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression ?? node.FirstAncestorOrSelf<ExpressionSyntax>();
        if (expression is null)
        {
            return;
        }

        var replacement = SyntaxFactory.ParseExpression("System.Environment.GetEnvironmentVariable(\"BOT_TOKEN\") ?? string.Empty").WithTriviaFrom(expression);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Read the token from BOT_TOKEN (test fixer)",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, replacement))),
                equivalenceKey: nameof(TestEnvironmentTokenFixer)),
            context.Diagnostics);
    }
}
