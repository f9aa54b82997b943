using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TokenPolicy.Benchmarks.Corpus;

/// <summary>Parsed corpus plus everything needed to make fresh compilations of it (parsing is done once).</summary>
public sealed class BenchCorpus
{
    private static readonly string[] ImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http",
        "System.Threading", "System.Threading.Tasks",
    };

    private BenchCorpus(string description, ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> documents,
        int lines, IReadOnlyList<PlantedSite> planted, int nearMisses)
    {
        Description = description;
        Trees = trees;
        Documents = documents;
        Lines = lines;
        Planted = planted;
        NearMisses = nearMisses;
    }

    public string Description { get; }

    /// <summary>Every tree compiled (including stubs and synthetic global usings).</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The corpus's own documents (candidates for per-document latency).</summary>
    public ImmutableArray<SyntaxTree> Documents { get; }

    /// <summary>Lines of the corpus's own documents.</summary>
    public int Lines { get; }

    public IReadOnlyList<PlantedSite> Planted { get; }

    public int NearMisses { get; }

    /// <summary>The first <paramref name="documents"/> documents plus every support tree (stubs, global usings): for warming up.</summary>
    public BenchCorpus Slice(int documents)
    {
        var keep = Documents.Take(documents).ToHashSet();
        var trees = Trees.Where(t => keep.Contains(t) || !Documents.Contains(t)).ToImmutableArray();
        return new BenchCorpus(Description + $" (first {keep.Count} documents)", trees, keep.ToImmutableArray(), keep.Sum(t => t.GetText().Lines.Count), Array.Empty<PlantedSite>(), 0);
    }

    public static ImmutableArray<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

    public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(
        LanguageVersion.Preview,
        DocumentationMode.Parse,
        SourceCodeKind.Regular,
        new[] { "NET", "NET8_0", "NET8_0_OR_GREATER", "NETCOREAPP", "RELEASE" });

    /// <param name="freshTrees">
    /// New trees parsed again from the same text (before any timing starts): a one-shot build starts with no per-tree
    /// state of the compiler or of any analyzer (TokenPolicy keeps facts per tree, which an IDE reuses across snapshots
    /// but a command-line build never sees twice). <c>WithRootAndOptions</c> with the tree's own root and options returns
    /// the same tree object, so it cannot make fresh trees (it did not, before this was fixed: every repetition after
    /// the first found the first one's per-tree facts).
    /// </param>
    public CSharpCompilation CreateCompilation(bool concurrentBuild, bool freshTrees = false) => CSharpCompilation.Create(
        "BenchmarkCorpus",
        freshTrees ? Trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)).ToImmutableArray() : Trees,
        References,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: concurrentBuild,
            allowUnsafe: true));

    public static BenchCorpus FromGenerated(GeneratedCorpus generated, int seed)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        var documents = ImmutableArray.CreateBuilder<SyntaxTree>();
        var lines = 0;
        foreach (var file in generated.Files)
        {
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(file.Text, System.Text.Encoding.UTF8), ParseOptions, file.Path);
            trees.Add(tree);
            if (!file.Path.StartsWith("Stubs/", StringComparison.Ordinal))
            {
                documents.Add(tree);
                lines += tree.GetText().Lines.Count;
            }
        }

        return new BenchCorpus($"generated (seed {seed})", trees.ToImmutable(), documents.ToImmutable(), lines, generated.Planted, generated.NearMisses);
    }

    /// <summary>Loads every .cs file under <paramref name="directory"/> (skipping bin/obj/.git), plus SDK-style implicit usings.</summary>
    public static BenchCorpus FromDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"--corpus: no such directory: {root}");
        }

        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsExcluded(Path.GetRelativePath(root, f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        var documents = ImmutableArray.CreateBuilder<SyntaxTree>();
        var lines = 0;
        foreach (var file in files)
        {
            SourceText text;
            try
            {
                using var stream = File.OpenRead(file);
                text = SourceText.From(stream, System.Text.Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"skipping unreadable {file}: {ex.Message}");
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, Path.GetRelativePath(root, file).Replace('\\', '/'));
            trees.Add(tree);
            documents.Add(tree);
            lines += text.Lines.Count;
        }

        // What an SDK-style project would add (ImplicitUsings); duplicates only produce hidden diagnostics.
        var globalUsings = string.Join("\n", ImplicitUsings.Select(u => $"global using global::{u};"));
        trees.Add(CSharpSyntaxTree.ParseText(globalUsings, ParseOptions, "__BenchmarkGlobalUsings.cs"));
        return new BenchCorpus($"directory {root} ({documents.Count} files)", trees.ToImmutable(), documents.ToImmutable(), lines, Array.Empty<PlantedSite>(), 0);
    }

    private static bool IsExcluded(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or ".git" or "node_modules");
    }
}
