using System.Diagnostics;
using System.Reflection;
using System.Text;
using TokenPolicy.Analyzers;

namespace TokenPolicy.Cli.Tests;

/// <summary>Result of one CLI run.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}

/// <summary>Runs the CLI in-process (fast) or, for the end-to-end checks, as a real process.</summary>
public static class Cli
{
    /// <summary>The bundled analyzers plus this test assembly's test-only code-fix providers.</summary>
    public static IReadOnlyList<Assembly> WithTestFixers { get; } = new[] { typeof(RuleIdentifiers).Assembly, typeof(Cli).Assembly };

    /// <summary>The bundled analyzers only (no code fixes), so the expected output does not depend on which fixes exist.</summary>
    public static IReadOnlyList<Assembly> AnalyzersOnly { get; } = new[] { typeof(RuleIdentifiers).Assembly };

    public static Task<CliRun> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, AnalyzersOnly, showProgress: false, args);

    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyList<Assembly>? ruleAssemblies, bool showProgress, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext
        {
            Out = stdout,
            Error = stderr,
            WorkingDirectory = workingDirectory,
            ShowProgress = showProgress,
            RuleAssemblies = ruleAssemblies,
        };
        var exitCode = await CliApp.RunAsync(args, context);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built tool (bin of src/TokenPolicy.Cli) with 'dotnet', stdout and stderr redirected.</summary>
    public static async Task<CliRun> RunProcessAsync(string workingDirectory, params string[] args)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Repo.CliAssemblyPath);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>Where the repository and the built CLI are.</summary>
public static class Repo
{
    public static string Root { get; } = Metadata("TokenPolicyRepoRoot").TrimEnd('/', '\\');

    public static string Sample => Path.Combine(Root, "samples", "LegacyRunner");

    public static string CliAssemblyPath
    {
        get
        {
            var configuration = Metadata("Configuration");
            var path = Path.Combine(Root, "src", "TokenPolicy.Cli", "bin", configuration, "net10.0", "TokenPolicy.Cli.dll");
            Assert.True(File.Exists(path), "the CLI is built by the test project's ProjectReference: " + path);
            return path;
        }
    }

    /// <summary>The built client library (the bundled code fixes rewrite code to it).</summary>
    public static string ClientAssemblyPath
    {
        get
        {
            var path = Path.Combine(Root, "src", "TokenPolicy.Client", "bin", Metadata("Configuration"), "net8.0", "TokenPolicy.Client.dll");
            Assert.True(File.Exists(path), "the client is built by the test project's ProjectReference: " + path);
            return path;
        }
    }

    /// <summary>PackageProjectUrl as evaluated by MSBuild for this project (Directory.Build.props).</summary>
    public static string PackageProjectUrl => Metadata("PackageProjectUrl");

    internal static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>A temporary folder outside any repository, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tokenpolicy-cli-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string content)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Read(string relative) => File.ReadAllText(this[relative]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Token-shaped strings built at run time, visibly fake, so the repository holds no secret literal.</summary>
public static class FakeTokens
{
    /// <summary>An unsigned JWT ("alg": "none") whose subject says it is fake.</summary>
    public static string Jwt(string subject) =>
        B64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64Url("{\"sub\":\"fake-tokenpolicy-" + subject + "\"}") + "." + B64Url("FAKE-SIGNATURE-" + subject);

    private static string B64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Small C# sources with known violations (line numbers matter: keep them stable).</summary>
public static class Sources
{
    public const string ServiceAccountPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>TP0001 at line 7, column 41 (File.ReadAllText).</summary>
    public const string TokenReader = """
        using System.IO;

        namespace Fixture;

        public static class TokenReader
        {
            public static string Read() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token");

            public static string Namespace() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
        }
        """;

    /// <summary>TP0001 at line 7 (new StreamReader).</summary>
    public const string StreamTokenReader = """
        using System.IO;

        namespace Fixture;

        public static class StreamTokenReader
        {
            public static string Read() { using var reader = new StreamReader("/run/secrets/kubernetes.io/serviceaccount/token"); return reader.ReadToEnd(); }
        }
        """;

    /// <summary>TP0002 (hardcoded bearer token) at line 8.</summary>
    public static string HardcodedHeader(string subject) => $$"""
        using System.Net.Http.Headers;

        namespace Fixture;

        public static class Headers
        {
            private const string Token = "{{FakeTokens.Jwt(subject)}}"; // FAKE token built by the test
            public static AuthenticationHeaderValue Create() => new AuthenticationHeaderValue("Bearer", Token);
        }
        """;

    public const string Clean = """
        namespace Fixture;

        public static class Clean
        {
            public static string Hello(string name) => "Hello, " + name;
        }
        """;
}
