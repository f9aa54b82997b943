using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TokenPolicy.Credentials;

namespace TokenPolicy.Analyzers.Tests.HeldOut;

/// <summary>An expected diagnostic: rule id, and the span the case marks (matched by its start line).</summary>
internal sealed record Label(string RuleId, int Line, TextSpan Span);

/// <summary>One case file: its source with placeholders expanded and markup removed, and its labels.</summary>
internal sealed record HeldOutCase(string Name, string Source, ImmutableArray<Label> Labels, ImmutableArray<string> RawLines, string Set = HeldOutCases.Set1)
{
    /// <summary>A line as written in the case file (placeholders, not generated tokens; markup removed): for reports.</summary>
    public string RawLine(int line) => ParseMarkupLine(RawLines[line - 1]).Trim();

    private static string ParseMarkupLine(string line) => System.Text.RegularExpressions.Regex.Replace(line, @"\{\|[A-Za-z0-9]+:|\|\}", "");

    /// <summary>Files named <c>P*.cs</c> are positives (at least one label), <c>N*.cs</c> near-misses (none).</summary>
    public bool IsPositive => Path.GetFileName(Name).StartsWith('P');

    public override string ToString() => Name;
}

/// <summary>
/// Loads the cases from the output folder (<c>HeldOut/Cases/**.cs</c>), parses <c>{|TPnnnn:...|}</c> markup, and builds
/// compilations and workspace documents with the references product code would have: .NET 8, the TokenPolicy client,
/// and the third-party packages some cases call (RestSharp, Refit, Grpc.Core.Api, KubernetesClient, Octokit).
/// </summary>
internal static class HeldOutCases
{
    /// <summary>Set 1: the first held-out set (docs/heldout.md), folder <c>HeldOut/Cases</c>.</summary>
    public const string Set1 = "Cases";

    /// <summary>Set 2: the second, fresh held-out set (docs/heldout.md, "Set 2"), folder <c>HeldOut/Cases2</c>.</summary>
    public const string Set2 = "Cases2";

    /// <summary>The sets, each a folder of <c>HeldOut</c> in the output folder.</summary>
    public static readonly ImmutableArray<string> Sets = ImmutableArray.Create(Set1, Set2);

    public static readonly string CasesDirectory = DirectoryOf(Set1);

    private static readonly Lazy<ImmutableArray<HeldOutCase>> s_all = new(() => Load(Set1));
    private static readonly Lazy<ImmutableArray<HeldOutCase>> s_set2 = new(() => Load(Set2));
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The cases of set 1 (the name is kept from before set 2 existed).</summary>
    public static ImmutableArray<HeldOutCase> All => s_all.Value;

    /// <summary>The cases of one set: <see cref="Set1"/> or <see cref="Set2"/>.</summary>
    public static ImmutableArray<HeldOutCase> Of(string set) => set switch
    {
        Set1 => s_all.Value,
        Set2 => s_set2.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "unknown held-out set"),
    };

    public static string DirectoryOf(string set) => Path.Combine(AppContext.BaseDirectory, "HeldOut", set);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview);

    public static CSharpCompilationOptions CompilationOptions { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>Every public, concrete C# analyzer of the analyzer assembly (new rules join by themselves).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        Instantiate<DiagnosticAnalyzer>(Assembly.Load("TokenPolicy.Analyzers"))
            .Where(a => a.GetType().GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(x => x.Languages.Contains(LanguageNames.CSharp)))
            .ToImmutableArray();

    /// <summary>Every public, concrete code fix provider of the code-fix assembly.</summary>
    public static ImmutableArray<CodeFixProvider> Fixers { get; } =
        Instantiate<CodeFixProvider>(Assembly.Load("TokenPolicy.CodeFixes")).ToImmutableArray();

    public static CSharpCompilation Compile(HeldOutCase @case)
        => CSharpCompilation.Create(
            "HeldOut_" + Path.GetFileNameWithoutExtension(@case.Name),
            new[] { CSharpSyntaxTree.ParseText(@case.Source, ParseOptions, path: "/heldout/" + @case.Name) },
            References,
            CompilationOptions);

    public static Document CreateDocument(HeldOutCase @case)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("HeldOut", "HeldOut", LanguageNames.CSharp)
            .WithCompilationOptions(CompilationOptions)
            .WithParseOptions(ParseOptions)
            .WithMetadataReferences(References);
        return project.AddDocument(Path.GetFileName(@case.Name), SourceText.From(@case.Source), filePath: "/heldout/" + @case.Name);
    }

    /// <summary>The TokenPolicy findings (ids <c>TP*</c>) and analyzer crashes (<c>AD0001</c>) of one compilation.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Where(d => d.Id.StartsWith("TP", StringComparison.Ordinal) || d.Id == "AD0001")
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    public static int LineOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>
    /// Removes <c>{|ID:text|}</c> markup (nesting allowed) and returns the labels. Only this markup is recognised, so
    /// the rest of C# (<c>[|</c>, <c>$$</c>, ...) is left alone.
    /// </summary>
    public static (string Source, ImmutableArray<Label> Labels) ParseMarkup(string markup, string caseName)
    {
        var output = new System.Text.StringBuilder(markup.Length);
        var open = new Stack<(string Id, int Start)>();
        var labels = ImmutableArray.CreateBuilder<(string Id, int Start, int End)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                var id = colon < 0 ? "" : markup.Substring(i + 2, colon - i - 2);
                if (id.Length > 0 && id.All(char.IsLetterOrDigit))
                {
                    open.Push((id, output.Length));
                    i = colon;
                    continue;
                }
            }

            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                labels.Add((id, start, output.Length));
                i++;
                continue;
            }

            output.Append(markup[i]);
        }

        if (open.Count > 0)
        {
            throw new InvalidOperationException($"{caseName}: unclosed markup {{|{open.Peek().Id}:");
        }

        var source = output.ToString();
        var text = SourceText.From(source);
        var result = labels
            .Select(l => new Label(l.Id, text.Lines.GetLinePosition(l.Start).Line + 1, TextSpan.FromBounds(l.Start, l.End)))
            .OrderBy(l => l.Span.Start)
            .ToImmutableArray();
        return (source, result);
    }

    private static ImmutableArray<HeldOutCase> Load(string set)
    {
        var directory = DirectoryOf(set);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(directory);
        }

        // Set 1's names (and so its generated token values, seeded by the name) are as they were before set 2 existed.
        var seedPrefix = set == Set1 ? "" : set + "/";
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name =>
            {
                var raw = File.ReadAllText(Path.Combine(directory, name));
                var (source, labels) = ParseMarkup(FakeTokens.Expand(raw, seedPrefix + name), name);
                return new HeldOutCase(name, source, labels, raw.ReplaceLineEndings("\n").Split('\n').ToImmutableArray(), set);
            })
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        references.AddRange(Basic.Reference.Assemblies.Net80.References.All);

        // The real client (fixed code calls it) and the Microsoft.Extensions assemblies its public surface refers to.
        var client = typeof(ICredentialTokenResolver).Assembly;
        references.Add(MetadataReference.CreateFromFile(client.Location));
        var directory = Path.GetDirectoryName(client.Location)!;
        foreach (var name in client.GetReferencedAssemblies())
        {
            var path = Path.Combine(directory, name.Name + ".dll");
            if (name.Name!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && File.Exists(path))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        // Third-party packages, from the NuGet cache (paths written by the test project file).
        foreach (var attribute in typeof(HeldOutCases).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "HeldOut.Reference")
            {
                if (!File.Exists(attribute.Value))
                {
                    throw new FileNotFoundException("held-out reference assembly not found (restore the test project)", attribute.Value);
                }

                references.Add(MetadataReference.CreateFromFile(attribute.Value!));
            }
        }

        return references.ToImmutable();
    }

    private static IEnumerable<T> Instantiate<T>(Assembly assembly)
        where T : class
        => assembly.GetExportedTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!);
}
