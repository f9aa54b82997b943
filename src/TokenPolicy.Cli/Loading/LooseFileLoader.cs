using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TokenPolicy.Cli.Loading;

/// <summary>
/// Loads loose .cs files (no project) into one C# project compiled against the pinned .NET 8 reference
/// assemblies (Basic.Reference.Assemblies.Net80): nothing to restore. The .editorconfig and .globalconfig
/// files found above each file (up to one with <c>root = true</c>) become the project's analyzer config
/// documents, so severity overrides and analyzer options apply as they do in a build.
/// </summary>
internal static class LooseFileLoader
{
    /// <summary>The global usings the .NET SDK adds to a console project (ImplicitUsings=enable).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public const string ImplicitUsingsDocumentName = "TokenPolicy.ImplicitUsings.g.cs";

    private static readonly string[] PreprocessorSymbols =
    {
        "NET", "NETCOREAPP", "NET8_0", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER",
        "NET5_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER",
    };

    public static LoadedTarget Load(Target target, Problems problems)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId("loose files");
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular, PreprocessorSymbols);
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true,
            concurrentBuild: true);

        var documents = new List<DocumentInfo>();
        foreach (var file in target.Inputs)
        {
            var text = ReadSource(file, problems);
            if (text is null)
            {
                continue;
            }

            documents.Add(DocumentInfo.Create(
                DocumentId.CreateNewId(projectId, file),
                Path.GetFileName(file),
                loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Default, file)),
                filePath: file));
        }

        documents.Add(DocumentInfo.Create(
            DocumentId.CreateNewId(projectId, ImplicitUsingsDocumentName),
            ImplicitUsingsDocumentName,
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(ImplicitUsings, Encoding.UTF8), VersionStamp.Default))));

        var configs = FindAnalyzerConfigFiles(target.Inputs, problems)
            .Select(path => DocumentInfo.Create(
                DocumentId.CreateNewId(projectId, path),
                Path.GetFileName(path),
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(File.ReadAllText(path), Encoding.UTF8), VersionStamp.Default, path)),
                filePath: path))
            .ToList();
        foreach (var config in configs)
        {
            problems.Verbose.Add("using " + config.FilePath);
        }

        var projectInfo = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                name: "loose files",
                assemblyName: "LooseFiles",
                language: LanguageNames.CSharp,
                filePath: null,
                compilationOptions: compilationOptions,
                parseOptions: parseOptions,
                documents: documents,
                metadataReferences: Basic.Reference.Assemblies.Net80.References.All)
            .WithAnalyzerConfigDocuments(configs);

        var solution = workspace.CurrentSolution.AddProject(projectInfo);
        return new LoadedTarget(workspace, solution, ImmutableArray.Create(projectId));
    }

    /// <summary>Reads a source file; null (with an error or a notice) when it is unreadable or not text.</summary>
    private static SourceText? ReadSource(string file, Problems problems)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Errors.Add($"cannot read '{file}': {ex.Message}");
            return null;
        }

        if (LooksBinary(bytes))
        {
            problems.Notices.Add($"skipped '{file}': binary content (NUL bytes), not C# source");
            return null;
        }

        try
        {
            return SourceText.From(bytes, bytes.Length, encoding: null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true, canBeEmbedded: false);
        }
        catch (InvalidDataException)
        {
            problems.Notices.Add($"skipped '{file}': binary content, not C# source");
            return null;
        }
    }

    /// <summary>NUL bytes in the first 8 KiB of a file without a UTF-16/32 byte-order mark mean binary content.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return false;
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        return head.IndexOf((byte)0) >= 0;
    }

    /// <summary>True when the preamble (before the first section) says <c>root = true</c>.</summary>
    internal static bool IsRoot(string editorConfigText)
    {
        foreach (var raw in editorConfigText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                return false;
            }

            var equals = line.IndexOf('=');
            if (equals > 0
                && line[..equals].Trim().Equals("root", StringComparison.OrdinalIgnoreCase)
                && line[(equals + 1)..].Split('#', ';')[0].Trim().Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>.editorconfig and .globalconfig files in each source folder and its ancestors, stopping at <c>root = true</c>.</summary>
    internal static IReadOnlyList<string> FindAnalyzerConfigFiles(IEnumerable<string> sourceFiles, Problems problems)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in sourceFiles.Select(Path.GetDirectoryName).Distinct())
        {
            for (var dir = directory is null ? null : new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
            {
                if (!visited.Add(dir.FullName))
                {
                    break; // already walked from here up
                }

                var globalConfig = Path.Combine(dir.FullName, ".globalconfig");
                if (File.Exists(globalConfig))
                {
                    found.Add(globalConfig);
                }

                var editorConfig = Path.Combine(dir.FullName, ".editorconfig");
                if (!File.Exists(editorConfig))
                {
                    continue;
                }

                found.Add(editorConfig);
                try
                {
                    if (IsRoot(File.ReadAllText(editorConfig)))
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    problems.Errors.Add($"cannot read '{editorConfig}': {ex.Message}");
                    found.Remove(editorConfig);
                }
            }
        }

        return found.ToList();
    }
}
