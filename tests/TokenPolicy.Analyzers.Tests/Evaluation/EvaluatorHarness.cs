using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>
/// Compiles snippets against the pinned .NET 8 references and evaluates the expression marked with
/// <c>[|...|]</c> (in any one of the files) through the shared <see cref="ValueEvaluator"/>.
/// </summary>
internal static class EvaluatorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The display strings of every value the marked expression can be, in the evaluator's order.</summary>
    public static string[] Evaluate(params string[] sources)
    {
        var (compilation, operation) = Compile(sources);
        return CompilationState.Get(compilation).Evaluator.Evaluate(operation, CancellationToken.None).Values.Select(v => v.Display()).ToArray();
    }

    /// <summary>The raw value set of the marked expression.</summary>
    public static ValueSet EvaluateSet(params string[] sources)
    {
        var (compilation, operation) = Compile(sources);
        return CompilationState.Get(compilation).Evaluator.Evaluate(operation, CancellationToken.None);
    }

    public static (Compilation Compilation, IOperation Operation) Compile(params string[] sources)
    {
        var trees = new List<SyntaxTree>();
        TextSpan? span = null;
        SyntaxTree? markedTree = null;
        for (var i = 0; i < sources.Length; i++)
        {
            var text = sources[i];
            var start = text.IndexOf("[|", StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = text.IndexOf("|]", start, StringComparison.Ordinal);
                Assert.True(end > start, "unterminated [| marker");
                text = string.Concat(text.AsSpan(0, start), text.AsSpan(start + 2, end - start - 2), text.AsSpan(end + 2));
                var from = start;
                var to = end - 2;
                while (from < to && char.IsWhiteSpace(text[from])) from++;
                while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
                span = TextSpan.FromBounds(from, to);
            }

            var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"/0/Test{i}.cs");
            if (start >= 0)
            {
                markedTree = tree;
            }

            trees.Add(tree);
        }

        Assert.True(markedTree is not null && span is not null, "no [|...|] marker");
        var compilation = CSharpCompilation.Create(
            "EvaluatorTest",
            trees,
            TestReferences.Net80Assemblies,
            new CSharpCompilationOptions(
                trees.Any(t => t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any()) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(errors.IsEmpty, "snippet does not compile: " + string.Join(Environment.NewLine, errors));

        var root = markedTree!.GetRoot();
        var node = root.FindNode(span!.Value, getInnermostNodeForTie: false);
        while (node.Span != span.Value && node.Parent is not null)
        {
            node = node.Parent;
        }

        Assert.Equal(span.Value, node.Span);
        var model = compilation.GetSemanticModel(markedTree);

        // The outermost node with that span that has an operation (an argument's expression, not the argument).
        IOperation? operation = null;
        for (var current = node; current is not null && current.Span == span.Value; current = current.Parent)
        {
            operation = model.GetOperation(current) ?? operation;
            if (operation is not null && current.Parent?.Span != span.Value)
            {
                break;
            }
        }

        Assert.NotNull(operation);
        while (operation is Microsoft.CodeAnalysis.Operations.IArgumentOperation argument)
        {
            operation = argument.Value;
        }

        return (compilation, operation!);
    }
}
