using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>
/// A plain workspace for what CodeFix.Testing does not express: which actions are offered, and that fixers never throw
/// on broken code (every action and every FixAll scope is executed).
/// </summary>
internal static class Harness
{
    private static readonly DiagnosticAnalyzer[] s_analyzers = { new ServiceAccountTokenReadAnalyzer(), new HardcodedBearerTokenAnalyzer() };
    private static readonly CodeFixProvider[] s_fixers = { new ServiceAccountTokenReadCodeFixProvider(), new HardcodedBearerTokenCodeFixProvider() };

    public static Document CreateDocument(string source, bool withClient = true, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var workspace = new AdhocWorkspace();
        var references = TestReferences.Net80Assemblies.AddRange(withClient ? TestReferences.Client : ImmutableArray<MetadataReference>.Empty);
        var project = workspace.CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Preview))
            .WithMetadataReferences(references);
        return project.AddDocument("Test.cs", SourceText.From(source), filePath: "/src/Test.cs");
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(s_analyzers.ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id is "TP0001" or "TP0002").OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>The actions offered for each diagnostic, in registration order.</summary>
    public static async Task<IReadOnlyList<(Diagnostic Diagnostic, IReadOnlyList<CodeAction> Actions)>> GetActionsAsync(Document document)
    {
        var result = new List<(Diagnostic, IReadOnlyList<CodeAction>)>();
        foreach (var diagnostic in await AnalyzeAsync(document))
        {
            var actions = new List<CodeAction>();
            foreach (var fixer in s_fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
            }

            result.Add((diagnostic, actions));
        }

        return result;
    }

    /// <summary>Runs every offered action and FixAll for both keys and every scope; returns the changed documents' texts.</summary>
    public static async Task<IReadOnlyList<string>> ExerciseEverythingAsync(Document document)
    {
        var texts = new List<string>();
        foreach (var (_, actions) in await GetActionsAsync(document))
        {
            foreach (var action in actions)
            {
                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                {
                    if (operation is ApplyChangesOperation apply)
                    {
                        texts.Add((await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString());
                    }
                }
            }
        }

        var diagnostics = await AnalyzeAsync(document);
        foreach (var fixer in s_fixers)
        {
            var ids = fixer.FixableDiagnosticIds;
            var mine = diagnostics.Where(d => ids.Contains(d.Id)).ToImmutableArray();
            // A null key is what dotnet format passes when the first diagnostic has no fix; it means the default action.
            foreach (var key in new string?[] { null, EquivalenceKeys.InjectResolver })
            {
                foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Solution })
                {
                    var context = new FixAllContext(document, fixer, scope, key!, ids, new Provider(mine), CancellationToken.None);
                    var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                    if (action is null)
                    {
                        continue;
                    }

                    foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                    {
                        if (operation is ApplyChangesOperation apply)
                        {
                            texts.Add((await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString());
                        }
                    }
                }
            }
        }

        return texts;
    }

    internal sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
