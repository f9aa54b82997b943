using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TokenPolicy.Package.Tests;

/// <summary>How a child <c>dotnet</c> sees CI: every step says it explicitly (CI runs the tests with CI=true).</summary>
public enum CiEnvironment
{
    /// <summary>A developer machine: every CI variable (<see cref="ChildEnvironment.CiVariables"/>) removed.</summary>
    DeveloperMachine,

    /// <summary><c>CI=true</c>, every other CI variable removed.</summary>
    CiTrue,

    /// <summary><c>ContinuousIntegrationBuild=true</c>, every other CI variable removed.</summary>
    ContinuousIntegrationBuild,
}

/// <summary>The environment of every child process (dotnet, the language server): explicit, never inherited CI state.</summary>
public static class ChildEnvironment
{
    /// <summary>
    /// What the package's TokenPolicyMode reads as "this is a CI server" (buildTransitive/TokenPolicy.props), plus the
    /// ContinuousIntegrationBuild property. The tests run on CI themselves, so each child gets none of them unless a
    /// test sets one.
    /// </summary>
    public static readonly IReadOnlyList<string> CiVariables =
    [
        "CI", "ContinuousIntegrationBuild",
        "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI",
    ];

    public static void Apply(IDictionary<string, string?> env, CiEnvironment ci, IReadOnlyDictionary<string, string>? extra)
    {
        // A test host started by `dotnet test` carries the parent's MSBuild settings; a consumer build must not.
        foreach (var key in env.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                                             || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                                             || k.Equals("TokenPolicyMode", StringComparison.OrdinalIgnoreCase)
                                             || CiVariables.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList())
        {
            env.Remove(key);
        }

        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        env["DOTNET_CLI_UI_LANGUAGE"] = "en";
        env["MSBUILDTERMINALLOGGER"] = "off";
        // No long-lived MSBuild nodes holding files of the temporary folders after the tests.
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        switch (ci)
        {
            case CiEnvironment.CiTrue:
                env["CI"] = "true";
                break;
            case CiEnvironment.ContinuousIntegrationBuild:
                env["ContinuousIntegrationBuild"] = "true";
                break;
        }

        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                env[key] = value;
            }
        }
    }
}

/// <summary>The outcome of one child process.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>For assertion messages: the command and the end of its output.</summary>
    public override string ToString()
    {
        const int Tail = 12_000;
        var output = Output.Length > Tail ? "...\n" + Output[^Tail..] : Output;
        return $"$ {CommandLine}\n(exit {ExitCode}, {Elapsed.TotalSeconds:F1} s)\n{output}";
    }
}

/// <summary>Runs <c>dotnet</c> with an isolated, explicit environment.</summary>
public static class DotNet
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(6);

    public static ProcessResult Run(
        string workingDirectory,
        CiEnvironment ci,
        IReadOnlyDictionary<string, string>? environment,
        params string[] arguments) =>
        Run(workingDirectory, ci, environment, DefaultTimeout, arguments);

    public static ProcessResult Run(
        string workingDirectory,
        CiEnvironment ci,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start.Environment, ci, environment);

        var commandLine = "dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))
                          + $"   [in {workingDirectory}; {ci}]";
        var output = new StringBuilder();
        var gate = new object();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited in the meantime.
            }

            process.WaitForExit();
            lock (gate)
            {
                output.AppendLine(CultureInfo.InvariantCulture, $"*** timed out after {timeout.TotalSeconds:F0} s ***");
            }

            return new ProcessResult(commandLine, -1, output.ToString(), stopwatch.Elapsed);
        }

        process.WaitForExit(); // drains the redirected streams
        lock (gate)
        {
            return new ProcessResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }
}
