using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TokenPolicy.Benchmarks.Analysis;

/// <summary>One measured configuration: a set of analyzers and the options they run with.</summary>
public sealed record AnalyzerSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, AnalyzerOptions Options, string Notes);

public static class AnalyzerSets
{
    /// <summary>Every non-abstract DiagnosticAnalyzer in the TokenPolicy.Analyzers assembly, whatever rules exist.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> DiscoverTokenPolicyAnalyzers(out List<string> errors)
        => AnalyzersIn(typeof(TokenPolicy.Analyzers.RuleIdentifiers).Assembly, out errors);

    /// <summary>Every non-abstract DiagnosticAnalyzer with a parameterless constructor in <paramref name="assembly"/>, by type name.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(Assembly assembly, out List<string> errors)
    {
        errors = new List<string>();
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types.Where(t => t is not null).ToArray()!;
            errors.Add("type load: " + string.Join("; ", ex.LoaderExceptions.Select(e => e?.Message)));
        }

        var result = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            try
            {
                result.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
            }
            catch (Exception ex)
            {
                errors.Add($"{type.FullName}: {ex.GetBaseException().Message}");
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The analyzers of another build of TokenPolicy.Analyzers.dll (an earlier commit, for an A/B in one run), loaded in a
    /// load context of its own so that both builds run side by side; Roslyn itself is shared with the default context.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadBaselineAnalyzers(string assemblyPath)
    {
        var result = AnalyzersIn(new BaselineLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath), out var errors);
        if (errors.Count > 0 || result.IsEmpty)
        {
            throw new InvalidOperationException($"baseline {assemblyPath}: {(result.IsEmpty ? "no analyzer" : string.Join("; ", errors))}");
        }

        return result;
    }

    private sealed class BaselineLoadContext : System.Runtime.Loader.AssemblyLoadContext
    {
        private readonly string _directory;

        public BaselineLoadContext(string assemblyPath)
            : base("TokenPolicy baseline", isCollectible: false)
            => _directory = Path.GetDirectoryName(assemblyPath)!;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Roslyn and the framework come from the default context (the types the driver knows); anything else that sits
            // next to the baseline is the baseline's own.
            if (assemblyName.Name is { } name && !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !name.StartsWith("System.", StringComparison.Ordinal))
            {
                var candidate = Path.Combine(_directory, name + ".dll");
                if (File.Exists(candidate))
                {
                    return LoadFromAssemblyPath(candidate);
                }
            }

            return null;
        }
    }

    /// <summary>Loads Microsoft.CodeAnalysis.BannedApiAnalyzers' C# analyzers from the copied package DLLs.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadBannedApiAnalyzers(out string location)
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "bannedapi") };
        var fromPackage = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BannedApiAnalyzersDir")?.Value;
        if (!string.IsNullOrEmpty(fromPackage))
        {
            candidates.Add(Path.Combine(fromPackage, "analyzers", "dotnet", "cs"));
        }

        var dir = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll")))
            ?? throw new FileNotFoundException("Microsoft.CodeAnalysis.BannedApiAnalyzers DLLs not found in: " + string.Join(", ", candidates));
        location = dir;
        var loader = new DirectoryAnalyzerLoader();
        var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var dll in new[] { "Microsoft.CodeAnalysis.BannedApiAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll" })
        {
            var reference = new AnalyzerFileReference(Path.Combine(dir, dll), loader);
            var failures = new List<string>();
            reference.AnalyzerLoadFailed += (_, e) => failures.Add(e.Message);
            builder.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            if (failures.Count > 0)
            {
                throw new InvalidOperationException($"loading {dll}: {string.Join("; ", failures)}");
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// BannedSymbols.txt banning what TokenPolicy watches: the file-read sinks of TP0001 and the header sinks of TP0002,
    /// every overload, as documentation IDs taken from the pinned reference assemblies.
    /// </summary>
    public static string CreateBannedSymbols(Compilation compilation, out int count)
    {
        var sb = new StringBuilder();
        var banned = 0;
        void Ban(ISymbol symbol)
        {
            var id = DocumentationCommentId.CreateDeclarationId(symbol);
            if (id is not null)
            {
                sb.Append(id).Append(";Read credentials through ICredentialTokenResolver\n");
                banned++;
            }
        }

        void BanMembers(string type, Func<IMethodSymbol, bool> predicate)
        {
            var symbol = compilation.GetTypeByMetadataName(type);
            if (symbol is null)
            {
                return;
            }

            foreach (var method in symbol.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public && predicate(m)))
            {
                Ban(method);
            }
        }

        var fileReads = new HashSet<string>(StringComparer.Ordinal)
        {
            "ReadAllText", "ReadAllTextAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadAllLines", "ReadAllLinesAsync",
            "ReadLines", "ReadLinesAsync", "OpenRead", "OpenText", "Open", "OpenHandle",
        };
        BanMembers("System.IO.File", m => fileReads.Contains(m.Name));
        BanMembers("System.IO.FileInfo", m => m.Name is "OpenRead" or "OpenText" or "Open");
        BanMembers("System.IO.FileStream", m => m.MethodKind == MethodKind.Constructor && m.Parameters.Length > 0 && m.Parameters[0].Type.SpecialType == SpecialType.System_String);
        BanMembers("System.IO.StreamReader", m => m.MethodKind == MethodKind.Constructor && m.Parameters.Length > 0 && m.Parameters[0].Type.SpecialType == SpecialType.System_String);
        BanMembers("System.Net.Http.Headers.AuthenticationHeaderValue", m => m.MethodKind == MethodKind.Constructor || m.Name is "Parse" or "TryParse");
        BanMembers("System.Net.Http.Headers.HttpHeaders", m => m.Name is "Add" or "TryAddWithoutValidation");
        count = banned;
        return sb.ToString();
    }

    public static AnalyzerOptions CreateBannedApiOptions(string bannedSymbols) =>
        new(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/bench/BannedSymbols.txt", bannedSymbols)));

    private sealed class DirectoryAnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
