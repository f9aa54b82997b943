using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace TokenPolicy.Cli.Loading;

/// <summary>
/// Loads solutions and projects with MSBuildWorkspace (design-time build through the SDK's MSBuild,
/// registered by <see cref="MSBuildSetup"/> before this type is first used). Restores first unless told not to.
/// </summary>
internal static class ProjectLoader
{
    public static async Task<LoadedTarget?> LoadAsync(Target target, bool restore, Problems problems, CancellationToken cancellationToken)
    {
        if (!MSBuildSetup.TryRegister())
        {
            problems.Errors.Add($"cannot load {target.Describe()}: {MSBuildSetup.Failure}");
            return null;
        }

        if (restore)
        {
            foreach (var input in target.Inputs)
            {
                var failure = await RestoreAsync(input, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    problems.Errors.Add(failure);
                }
            }

            if (problems.Errors.Count > 0)
            {
                return null;
            }
        }

        return await OpenAsync(target, problems, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<LoadedTarget?> OpenAsync(Target target, Problems problems, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create(new Dictionary<string, string>
        {
            // Design-time build only: never let the loaded project's own analyzers or warnings-as-errors get in the way.
            ["RunAnalyzers"] = "false",
            ["TreatWarningsAsErrors"] = "false",
        });
        var failures = new List<WorkspaceDiagnostic>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            lock (failures)
            {
                failures.Add(e.Diagnostic);
            }
        });

        var requested = new List<string>();
        try
        {
            if (target.Kind == TargetKind.Solution)
            {
                var solution = await workspace.OpenSolutionAsync(target.Inputs[0], progress: null, cancellationToken).ConfigureAwait(false);
                requested.AddRange(solution.Projects.Select(p => p.FilePath).OfType<string>());
            }
            else
            {
                foreach (var projectFile in target.Inputs)
                {
                    requested.Add(projectFile);
                    if (workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, projectFile)))
                    {
                        continue; // already loaded as a reference of an earlier project
                    }

                    try
                    {
                        await workspace.OpenProjectAsync(projectFile, progress: null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        problems.Errors.Add($"cannot load project '{projectFile}': {ex.Message}");
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Errors.Add($"cannot load {target.Describe()} ('{target.Inputs[0]}'): {ex.Message}");
            workspace.Dispose();
            return null;
        }

        foreach (var failure in failures)
        {
            if (failure.Kind == WorkspaceDiagnosticKind.Failure)
            {
                problems.Errors.Add("project load failed: " + failure.Message);
            }
            else
            {
                problems.Verbose.Add("project load warning: " + failure.Message);
            }
        }

        var ids = workspace.CurrentSolution.Projects
            .Where(p => p.Language == LanguageNames.CSharp && requested.Any(r => SamePath(r, p.FilePath)))
            .Select(p => p.Id)
            .ToImmutableArray();
        foreach (var unsupported in workspace.CurrentSolution.Projects.Where(p => p.Language != LanguageNames.CSharp && requested.Any(r => SamePath(r, p.FilePath))))
        {
            problems.Notices.Add($"skipped project '{unsupported.FilePath}': language {unsupported.Language} is not analysed");
        }

        if (ids.IsEmpty && problems.Errors.Count == 0)
        {
            problems.Errors.Add($"cannot load {target.Describe()}: no C# project could be loaded from '{target.Path}'");
        }

        return new LoadedTarget(workspace, workspace.CurrentSolution, ids);
    }

    private static bool SamePath(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    /// <summary>Runs <c>dotnet restore</c>; returns an error message naming the input and the first errors, or null.</summary>
    private static async Task<string?> RestoreAsync(string input, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(DotnetHost(), new[] { "restore", input, "--nologo", "-v", "quiet" })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(input)!,
        };
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("process did not start");
        }
        catch (Exception ex)
        {
            return $"cannot restore '{input}': could not run '{startInfo.FileName} restore': {ex.Message}";
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
            if (process.ExitCode == 0)
            {
                return null;
            }

            var errors = output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Distinct()
                .Take(5)
                .ToList();
            var detail = new StringBuilder();
            foreach (var line in errors.Count > 0 ? errors : output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(5))
            {
                detail.Append(Environment.NewLine).Append("  ").Append(line);
            }

            return $"cannot load '{input}': 'dotnet restore' failed (exit code {process.ExitCode}):{detail}";
        }
    }

    /// <summary>The dotnet host running this tool, else the one named by DOTNET_HOST_PATH, else 'dotnet' on PATH.</summary>
    private static string DotnetHost()
    {
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        return "dotnet";
    }
}
