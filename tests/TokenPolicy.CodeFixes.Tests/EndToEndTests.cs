using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>
/// The bundled incident sample, fixed by <c>dotnet format analyzers</c> the way a CI job would: a copy of
/// samples/LegacyRunner (project references pointed back into this repository) is formatted with
/// <c>--diagnostics TP0001 TP0002</c>, then built. Every violation that has a fix is gone and the build has no error;
/// a canary read of the token's bytes (a shape without a fix) proves the analyzers still ran and keeps its warning.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class EndToEndTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Sinks whose TP0001/TP0002 warnings may legitimately remain: no fix at all (handles, async line streams,
    /// attributes), or none for streams that may be written or are used as a FileStream.
    /// </summary>
    private static readonly string[] NoFixSinks =
    {
        "File.OpenHandle", "File.ReadLinesAsync", "File.OpenRead", "File.Open", "new FileStream", "FileInfo.OpenRead", "FileInfo.Open", "attribute",
    };

    private readonly ITestOutputHelper _output;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "tokenpolicy-e2e-" + Guid.NewGuid().ToString("N"));

    public EndToEndTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Dotnet_format_fixes_the_legacy_sample_and_it_still_builds()
    {
        var repo = RepoRoot();
        var sample = Path.Combine(repo, "samples", "LegacyRunner");
        var copy = Path.Combine(_work, "LegacyRunner");
        CopySample(sample, copy);

        // A shape without a fix: it must keep its warning (and shows that the analyzers ran in the final build).
        File.WriteAllText(Path.Combine(copy, "Canary.cs"), """
            namespace LegacyRunner;

            internal static class Canary
            {
                public static Microsoft.Win32.SafeHandles.SafeFileHandle TokenHandle() => File.OpenHandle("/var/run/secrets/kubernetes.io/serviceaccount/token");
            }
            """);

        // Shapes with a fix beyond the sample's own: bytes, lines, a read-only stream, a Lazy<T> factory.
        File.WriteAllText(Path.Combine(copy, "Shapes.cs"), """
            namespace LegacyRunner;

            internal static class Shapes
            {
                private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                private static readonly Lazy<string> s_token = new(() => File.ReadAllText(TokenPath).Trim());

                public static byte[] Bytes() => File.ReadAllBytes(TokenPath);
                public static string FirstLine() => File.ReadAllLines(TokenPath)[0];
                public static async Task<byte[]> BytesAsync(CancellationToken cancellationToken) => await File.ReadAllBytesAsync(TokenPath, cancellationToken);
                public static Stream Open() => File.OpenRead(TokenPath);
                public static string Cached => s_token.Value;
            }
            """);

        var project = Path.Combine(copy, "LegacyRunner.csproj");
        var before = File.ReadAllText(Path.Combine(copy, "CredentialFetcher.cs"));

        // dotnet format loads the analyzers and fixes from the referenced projects' Debug outputs: build them first
        // (a clean clone whose tests ran in Release has none).
        var prebuild = await RunAsync("dotnet", $"build \"{project}\" -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false", _work);
        Assert.True(prebuild.ExitCode == 0, "dotnet build failed before the fixes:\n" + prebuild.Output);
        Assert.Contains(": warning TP0001:", prebuild.Output);

        var format = await RunAsync("dotnet", $"format analyzers \"{project}\" --diagnostics TP0001 TP0002 --severity info -v diag", _work);
        Assert.True(format.ExitCode == 0, "dotnet format failed:\n" + format.Output);
        Assert.DoesNotContain("Failed to apply code fix", format.Output);
        Assert.DoesNotContain("Unable to fix", format.Output);

        var after = File.ReadAllText(Path.Combine(copy, "CredentialFetcher.cs"));
        _output.WriteLine(after);
        Assert.NotEqual(before, after);
        Assert.Contains("using TokenPolicy.Credentials;", after);
        Assert.Contains("CredentialTokenResolver.Default", after);

        var build = await RunAsync("dotnet", $"build \"{project}\" -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false", _work);
        Assert.True(build.ExitCode == 0, "dotnet build failed after the fixes:\n" + build.Output);
        Assert.DoesNotMatch(new Regex(@": error [A-Z]+\d+", RegexOptions.None, TimeSpan.FromSeconds(5)), build.Output);

        var remaining = Regex.Matches(build.Output, @"^(?<where>\S+\(\d+,\d+\)): warning (?<id>TP000[12]): (?<message>.*?) \[", RegexOptions.Multiline, TimeSpan.FromSeconds(5))
            .Select(m => (Where: m.Groups["where"].Value, Id: m.Groups["id"].Value, Message: m.Groups["message"].Value))
            .Distinct()
            .ToList();
        foreach (var warning in remaining)
        {
            _output.WriteLine($"remaining: {warning.Where} {warning.Id} {warning.Message}");
        }

        Assert.Contains(remaining, w => w.Id == "TP0001" && w.Where.Contains("Canary.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(remaining, w => w.Where.Contains("Shapes.cs", StringComparison.Ordinal));
        Assert.Contains("Encoding.UTF8.GetBytes(", File.ReadAllText(Path.Combine(copy, "Shapes.cs")));
        var unexpected = remaining.Where(w => !NoFixSinks.Any(s => w.Message.StartsWith(s, StringComparison.Ordinal) || w.Message.Contains("reaches " + s, StringComparison.Ordinal) || w.Message.Contains("the [", StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "violations with a fix remain:\n" + string.Join("\n", unexpected));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string RepoRoot()
        => typeof(EndToEndTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TokenPolicyRepoRoot").Value!;

    /// <summary>Copies the sample's sources and project (not bin/obj), pointing relative project references at the repository.</summary>
    private static void CopySample(string sample, string copy)
    {
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var projectFile = Path.Combine(copy, "LegacyRunner.csproj");
        var project = File.ReadAllText(projectFile);
        project = Regex.Replace(
            project,
            "(<ProjectReference\\s+Include=\")([^\"]+)(\")",
            m =>
            {
                var include = m.Groups[2].Value;
                var normalized = include.Replace('\\', Path.DirectorySeparatorChar);
                var absolute = Path.IsPathRooted(normalized) ? normalized : Path.GetFullPath(Path.Combine(sample, normalized));
                Assert.True(File.Exists(absolute), "project reference not found: " + absolute);
                return m.Groups[1].Value + absolute + m.Groups[3].Value;
            },
            RegexOptions.None,
            TimeSpan.FromSeconds(5));
        File.WriteAllText(projectFile, project);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // The policy's enforce mode follows CI / ContinuousIntegrationBuild: set both explicitly (CI runs with CI=true),
        // so the sample's remaining warnings stay warnings. Drop the test host's MSBuild variables so the child
        // builds with its own SDK resolution.
        start.Environment.Remove("CI");
        start.Environment["ContinuousIntegrationBuild"] = "false";
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {StepTimeout}");
        }

        output.Append(await stdout).Append(await stderr);
        _output.WriteLine($"$ {fileName} {arguments} -> {process.ExitCode}");
        _output.WriteLine(output.ToString());
        return (process.ExitCode, output.ToString());
    }
}
