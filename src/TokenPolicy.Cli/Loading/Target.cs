using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TokenPolicy.Cli.Loading;

internal enum TargetKind
{
    /// <summary>Loose .cs files compiled against pinned reference assemblies.</summary>
    Files,

    /// <summary>A .sln or .slnx file.</summary>
    Solution,

    /// <summary>One or more .csproj files.</summary>
    Projects,
}

/// <summary>What <c>check PATH</c> resolved to.</summary>
internal sealed class Target
{
    public required TargetKind Kind { get; init; }

    /// <summary>The PATH as resolved (absolute).</summary>
    public required string Path { get; init; }

    /// <summary>The folder the scan is about: PATH itself for a folder, else its directory.</summary>
    public required string ScanRoot { get; init; }

    /// <summary>The solution file (Solution), project files (Projects) or source files (Files).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>
    /// The folder report paths and fingerprints are relative to: the root of the git repository holding
    /// <see cref="ScanRoot"/>, else <see cref="ScanRoot"/> itself (SARIF's %SRCROOT%).
    /// </summary>
    public string ReportRoot => TargetResolver.FindRepositoryRoot(ScanRoot) ?? ScanRoot;

    public string Describe() => Kind switch
    {
        TargetKind.Solution => "solution " + System.IO.Path.GetFileName(Inputs[0]),
        TargetKind.Projects => Inputs.Count == 1 ? "project " + System.IO.Path.GetFileName(Inputs[0]) : Inputs.Count + " projects",
        _ => "loose files",
    };
}

/// <summary>Turns the PATH argument into a <see cref="Target"/>, or a usage error.</summary>
internal static class TargetResolver
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "node_modules", "artifacts", "TestResults",
    };

    public const string DefaultSampleRelativePath = "samples/LegacyRunner";

    /// <summary>
    /// Finds the sample: samples/LegacyRunner above the working directory, else above the tool (a build in the
    /// repository), else the copy of its sources bundled beside the tool.
    /// </summary>
    public static string? FindDefaultSample(string workingDirectory)
    {
        var toolDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        foreach (var start in new[] { new DirectoryInfo(workingDirectory), toolDirectory.Parent })
        {
            for (var dir = start; dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "samples", "LegacyRunner");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        var bundled = System.IO.Path.Combine(toolDirectory.FullName, "samples", "LegacyRunner");
        return Directory.Exists(bundled) ? bundled : null;
    }

    public static Target? Resolve(string path, bool loose, out string? error)
    {
        error = null;
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
            var directory = System.IO.Path.GetDirectoryName(full)!;
            switch (extension)
            {
                case ".sln":
                case ".slnx":
                    return new Target { Kind = TargetKind.Solution, Path = full, ScanRoot = directory, Inputs = new[] { full } };
                case ".csproj":
                    return new Target { Kind = TargetKind.Projects, Path = full, ScanRoot = directory, Inputs = new[] { full } };
                case ".cs":
                    return new Target { Kind = TargetKind.Files, Path = full, ScanRoot = directory, Inputs = new[] { full } };
                default:
                    error = $"unsupported file '{path}': expected a .sln, .slnx, .csproj or .cs file, or a folder";
                    return null;
            }
        }

        if (!Directory.Exists(full))
        {
            error = $"path not found: '{path}' (no such file or folder)";
            return null;
        }

        List<string> sourceFiles;
        List<string> projectFiles;
        List<string> solutionFiles;
        try
        {
            solutionFiles = Directory.EnumerateFiles(full)
                .Where(f => f.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            projectFiles = EnumerateFiles(full, "*.csproj").ToList();
            sourceFiles = EnumerateFiles(full, "*.cs").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read folder '{path}': {ex.Message}";
            return null;
        }

        if (!loose)
        {
            if (solutionFiles.Count == 1 && projectFiles.Count > 0)
            {
                return new Target { Kind = TargetKind.Solution, Path = full, ScanRoot = full, Inputs = solutionFiles };
            }

            if (projectFiles.Count > 0)
            {
                return new Target { Kind = TargetKind.Projects, Path = full, ScanRoot = full, Inputs = projectFiles };
            }
        }

        if (sourceFiles.Count == 0)
        {
            error = $"nothing to analyse: no C# projects or .cs files under '{path}'";
            return null;
        }

        return new Target { Kind = TargetKind.Files, Path = full, ScanRoot = full, Inputs = sourceFiles };
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding .git, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = System.IO.Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Files matching <paramref name="pattern"/> under <paramref name="root"/>, skipping build output and hidden folders.</summary>
    public static IEnumerable<string> EnumerateFiles(string root, string pattern)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        var results = new List<string>();
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            results.AddRange(Directory.EnumerateFiles(dir, pattern));
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = System.IO.Path.GetFileName(sub);
                if (name.StartsWith('.') || SkippedDirectories.Contains(name))
                {
                    continue;
                }

                if ((File.GetAttributes(sub) & FileAttributes.ReparsePoint) != 0)
                {
                    continue; // do not follow directory links (cycles)
                }

                pending.Push(sub);
            }
        }

        results.Sort(StringComparer.Ordinal);
        return results;
    }
}
