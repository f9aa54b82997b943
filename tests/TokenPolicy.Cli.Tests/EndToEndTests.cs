using System.Text.Json;

namespace TokenPolicy.Cli.Tests;

/// <summary>The bundled sample, and the two out-of-process runs (a real 'tokenpolicy' process).</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Sample_folder_reports_its_token_reads_and_hardcoded_tokens()
    {
        // --loose: the sample's .cs files against the pinned reference assemblies (the project-loading path
        // is covered once, by the solution fixture below).
        var run = await Cli.RunAsync(Repo.Root, "check", "samples/LegacyRunner", "--loose");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var findings = run.Out.Split('\n').Where(l => l.StartsWith("samples/LegacyRunner/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, findings.Count(l => l.Contains(": warning TP0001: ", StringComparison.Ordinal)));
        Assert.Equal(2, findings.Count(l => l.Contains(": warning TP0002: ", StringComparison.Ordinal)));
        // TP0004: both credential fetches of the sample are authenticated with something else than the resolver.
        Assert.Equal(2, findings.Count(l => l.Contains(": warning TP0004: ", StringComparison.Ordinal)));
        Assert.Contains(findings, l => l.Contains("TP0004: HttpClient.SendAsync requests the credential endpoint '{backend}/api/ambient/v1/credentials/{id}/token' with an Authorization value from file '/var/run/secrets/kubernetes.io/serviceaccount/token'", StringComparison.Ordinal));
        Assert.All(findings, l => Assert.StartsWith("samples/LegacyRunner/CredentialFetcher.cs:", l));
        Assert.Contains("7 findings (7 warnings) in 1 file", run.Out);
    }

    [Fact]
    public async Task Out_of_process_default_target_is_the_bundled_sample()
    {
        var run = await Cli.RunProcessAsync(Repo.Root, "check", "--loose", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.EndsWith(Path.Combine("samples", "LegacyRunner"), json.RootElement.GetProperty("target").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.DoesNotContain("Analysing files", run.Err); // stderr is redirected: no progress
    }

    [Fact]
    public async Task Out_of_process_solution_is_restored_loaded_checked_fixed_with_the_bundled_fixes_and_rechecked()
    {
        // The one test that loads projects (restore + MSBuildWorkspace): a solution with two projects, an
        // .editorconfig, and the client library the bundled code fixes rewrite to (as a compiled reference).
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["lib"]);
        File.Copy(Repo.ClientAssemblyPath, dir["lib/TokenPolicy.Client.dll"]);
        dir.Write("Fixture.sln", SolutionFile);
        dir.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);
        dir.Write("App/Program.cs", "System.Console.WriteLine(Fixture.TokenReader.Read().Length);\n");
        dir.Write("Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="TokenPolicy.Client" HintPath="..\lib\TokenPolicy.Client.dll" />
              </ItemGroup>
            </Project>
            """);
        dir.Write("Lib/TokenReader.cs", Sources.TokenReader);
        dir.Write("Lib/Headers.cs", Sources.HardcodedHeader("solution"));
        dir.Write("Lib/.editorconfig", "[*.cs]\ndotnet_diagnostic.TP0002.severity = error\n");

        // 1. check + --fix in one run: the findings it fixed, and nothing left.
        var fix = await Cli.RunProcessAsync(dir.Path, "check", "Fixture.sln", "--fix", "--format", "json");

        Assert.True(fix.ExitCode == ExitCodes.Clean, fix.ToString());
        using (var json = JsonDocument.Parse(fix.Out))
        {
            var root = json.RootElement;
            Assert.Equal("solution Fixture.sln", root.GetProperty("targetKind").GetString());
            Assert.Empty(root.GetProperty("errors").EnumerateArray());
            var fixedFindings = root.GetProperty("fix").GetProperty("fixedFindings").EnumerateArray()
                .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()} {f.GetProperty("ruleId").GetString()}")
                .ToList();
            Assert.Equal(new[] { "Lib/Headers.cs:8 TP0002", "Lib/TokenReader.cs:7 TP0001" }, fixedFindings);
            Assert.Empty(root.GetProperty("findings").EnumerateArray());
            Assert.Equal(0, root.GetProperty("summary").GetProperty("fixable").GetInt32());
        }

        Assert.Contains("CredentialTokenResolver", dir.Read("Lib/TokenReader.cs"));
        Assert.Contains("CredentialTokenResolver", dir.Read("Lib/Headers.cs"));

        // 2. check again: clean, nothing fixable.
        var check = await Cli.RunProcessAsync(dir.Path, "check", "Fixture.sln", "--no-restore");

        Assert.True(check.ExitCode == ExitCodes.Clean, check.ToString());
        Assert.Contains("No findings; ", check.Out);
        Assert.Contains("(solution Fixture.sln)", check.Out);
        Assert.Contains("No finding is fixable with --fix.", check.Out);
    }

    private const string SolutionFile = """
        Microsoft Visual Studio Solution File, Format Version 12.00
        # Visual Studio Version 17
        VisualStudioVersion = 17.0.31903.59
        MinimumVisualStudioVersion = 10.0.40219.1
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "App\App.csproj", "{6F1B7C0A-1111-4A4A-9A9A-000000000001}"
        EndProject
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Lib", "Lib\Lib.csproj", "{6F1B7C0A-1111-4A4A-9A9A-000000000002}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{6F1B7C0A-1111-4A4A-9A9A-000000000001}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{6F1B7C0A-1111-4A4A-9A9A-000000000001}.Debug|Any CPU.Build.0 = Debug|Any CPU
        		{6F1B7C0A-1111-4A4A-9A9A-000000000002}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{6F1B7C0A-1111-4A4A-9A9A-000000000002}.Debug|Any CPU.Build.0 = Debug|Any CPU
        	EndGlobalSection
        EndGlobal
        """;
}
