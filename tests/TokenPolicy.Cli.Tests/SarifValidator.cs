using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TokenPolicy.Cli.Tests;

/// <summary>
/// Microsoft's SARIF validator (npm package @microsoft/sarif-multitool 5.7.0, installed by <c>npm ci</c> in
/// tools/sarif, which .ci/run does before the tests). Run through its platform binary: the npm wrapper passes
/// arguments through a shell, which splits <c>--rule-kind "Sarif;Gh"</c> at the semicolon.
/// </summary>
public static class SarifValidator
{
    public const string InstallHint = "run 'npm ci' in tools/sarif (.ci/run does) to install @microsoft/sarif-multitool";

    public static string ToolsFolder => Path.Combine(Repo.Root, "tools", "sarif");

    /// <summary>The platform binary inside node_modules (the package ships one per OS).</summary>
    public static string Executable
    {
        get
        {
            var (platform, file) = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ("win32", "Sarif.Multitool.exe")
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ("darwin", "Sarif.Multitool")
                : ("linux", "Sarif.Multitool");
            return Path.Combine(ToolsFolder, "node_modules", "@microsoft", "sarif-multitool-" + platform, file);
        }
    }

    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>npm is on PATH, so a missing validator can be installed from tools/sarif's lock file.</summary>
    public static bool CanInstall => FindOnPath("npm") is not null;

    private static readonly Lazy<string> Install = new(() =>
    {
        // README's test command is all a newcomer runs: install the pinned validator the first time it is needed.
        var npm = FindOnPath("npm");
        if (npm is null)
        {
            return "npm not found on PATH";
        }

        var startInfo = new ProcessStartInfo(npm) { WorkingDirectory = ToolsFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            return "npm ci in tools/sarif did not finish within 5 minutes";
        }

        return $"npm ci in tools/sarif exited {process.ExitCode}\n{stdout.Result}{stderr.Result}";
    });

    /// <summary>The validator, installed with <c>npm ci</c> in tools/sarif when it is missing and npm is there.</summary>
    public static void EnsureInstalled()
    {
        if (!IsInstalled)
        {
            var outcome = Install.Value;
            Assert.True(IsInstalled, $"SARIF validator not found at {Executable} ({outcome}): {InstallHint}");
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in new[] { Path.Combine(folder, name), Path.Combine(folder, name + ".cmd"), Path.Combine(folder, name + ".exe") })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>On CI (CI=true) a missing validator is a failure, never a silent skip.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>sarif-multitool validate --rule-kind "Sarif;Gh" --level "Error;Warning;Note"</c> on the files, its own SARIF
    /// log read back. HTTP(S) goes to a closed loopback port: the URI-reachability rule (SARIF2006, a note) must not
    /// reach out from a test, and nothing the validator needs comes from the network.
    /// </summary>
    public static async Task<Validation> ValidateAsync(params string[] sarifFiles)
    {
        EnsureInstalled();
        var output = Path.Combine(Path.GetTempPath(), "tokenpolicy-cli-tests", "validation-" + Guid.NewGuid().ToString("N")[..12] + ".sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning;Note", "--output", output })
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var file in sarifFiles)
        {
            startInfo.ArgumentList.Add(file);
        }

        startInfo.Environment["HTTP_PROXY"] = "http://127.0.0.1:9";
        startInfo.Environment["HTTPS_PROXY"] = "http://127.0.0.1:9";
        startInfo.Environment["NO_PROXY"] = "";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var console = await stdout + await stderr;
        Assert.True(File.Exists(output), $"the validator wrote no log (exit {process.ExitCode}):\n{console}");
        try
        {
            using var log = JsonDocument.Parse(File.ReadAllText(output));
            var run = log.RootElement.GetProperty("runs")[0];
            var results = run.GetProperty("results").EnumerateArray()
                .Select(r => new ValidatorResult(
                    r.GetProperty("ruleId").GetString()!,
                    r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    ConsoleLine(console, r.GetProperty("ruleId").GetString()!)))
                .ToList();
            var notifications = run.GetProperty("invocations").EnumerateArray()
                .SelectMany(i => new[] { "toolExecutionNotifications", "toolConfigurationNotifications" }
                    .SelectMany(name => i.TryGetProperty(name, out var list) ? list.EnumerateArray().ToList() : new List<JsonElement>()))
                .Select(n => n.TryGetProperty("level", out var level) ? level.GetString()! : "warning")
                .ToList();
            return new Validation(process.ExitCode, console, results, notifications);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string ConsoleLine(string console, string ruleId) =>
        console.Split('\n').FirstOrDefault(l => l.Contains(" " + ruleId + ":", StringComparison.Ordinal))?.Trim() ?? ruleId;
}

public sealed record ValidatorResult(string RuleId, string Level, string Line);

/// <summary>What the validator said: its exit code and console, its results, the levels of its own notifications.</summary>
public sealed record Validation(int ExitCode, string Console, IReadOnlyList<ValidatorResult> Results, IReadOnlyList<string> NotificationLevels)
{
    public IReadOnlyList<ValidatorResult> ErrorsAndWarnings => Results.Where(r => r.Level is "error" or "warning").ToList();

    /// <summary>"Done. N files scanned." from the console, or -1.</summary>
    public int FilesScanned
    {
        get
        {
            var match = System.Text.RegularExpressions.Regex.Match(Console, @"Done\. (\d+) files? scanned");
            return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        }
    }

    public override string ToString() => $"exit {ExitCode}\n{Console}";
}

/// <summary>
/// A fact that needs the SARIF validator: installed on first use when npm is there; skipped with the install hint on a
/// developer machine without npm; on CI it runs, and fails saying what is missing.
/// </summary>
public sealed class RequiresSarifValidatorFactAttribute : FactAttribute
{
    public RequiresSarifValidatorFactAttribute()
    {
        if (!SarifValidator.IsInstalled && !SarifValidator.CanInstall && !SarifValidator.OnCi)
        {
            Skip = $"the SARIF validator is not installed and npm is not on PATH: {SarifValidator.InstallHint}";
        }
    }
}
