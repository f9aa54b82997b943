namespace TokenPolicy.Cli.Tests;

/// <summary>
/// --fix through the generic CodeFixProvider API, with this assembly's test-only fixers: TP0001 through a
/// FixAllProvider, TP0002 one finding at a time (the provider has none).
/// </summary>
public sealed class FixTests
{
    [Fact]
    public async Task Fix_applies_default_actions_writes_files_then_check_reports_nothing_fixable()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);
        dir.Write("Stream.cs", Sources.StreamTokenReader);
        dir.Write("Headers.cs", Sources.HardcodedHeader("fix-one"));
        dir.Write("More/Headers2.cs", Sources.HardcodedHeader("fix-two").Replace("class Headers", "class Headers2", StringComparison.Ordinal));

        var before = await Cli.RunAsync(dir.Path, Cli.WithTestFixers, false, "check", ".");
        Assert.Equal(ExitCodes.Findings, before.ExitCode);
        Assert.Contains("TokenReader.cs:7:36: warning TP0001: File.ReadAllText reads", before.Out);
        Assert.Contains("[fixable]", before.Out);
        Assert.Contains("4 findings fixable with --fix.", before.Out);

        var fix = await Cli.RunAsync(dir.Path, Cli.WithTestFixers, false, "check", ".", "--fix");

        Assert.Equal(ExitCodes.Clean, fix.ExitCode);
        Assert.Contains("--fix: fixed 4 findings in 4 files: ", fix.Out);
        Assert.Contains("No findings;", fix.Out);
        Assert.Contains(TestSanctionedPathFixer.SanctionedPath, dir.Read("TokenReader.cs"));
        Assert.Contains("serviceaccount/namespace", dir.Read("TokenReader.cs")); // untouched: not a finding
        Assert.Contains(TestSanctionedPathFixer.SanctionedPath, dir.Read("Stream.cs"));
        Assert.Contains("GetEnvironmentVariable(\"BOT_TOKEN\")", dir.Read("Headers.cs"));
        Assert.Contains("GetEnvironmentVariable(\"BOT_TOKEN\")", dir.Read("More/Headers2.cs"));

        var after = await Cli.RunAsync(dir.Path, Cli.WithTestFixers, false, "check", ".");
        Assert.Equal(ExitCodes.Clean, after.ExitCode);
        Assert.Contains("No finding is fixable with --fix.", after.Out);
    }

    [Fact]
    public async Task Fix_on_the_sample_leaves_nothing_fixable()
    {
        using var dir = new TempDir();
        foreach (var file in Directory.GetFiles(Repo.Sample, "*.cs"))
        {
            File.Copy(file, dir[Path.GetFileName(file)]);
        }

        var fix = await Cli.RunAsync(dir.Path, Cli.WithTestFixers, false, "check", ".", "--fix", "--format", "json");
        var after = await Cli.RunAsync(dir.Path, Cli.WithTestFixers, false, "check", ".");

        Assert.Contains("\"fixed\": ", fix.Out);
        Assert.DoesNotContain("[fixable]", after.Out);
        Assert.Contains("No finding is fixable with --fix.", after.Out);
        Assert.DoesNotContain("TP0001", after.Out);
        Assert.DoesNotContain("TP0002", after.Out);
    }

    [Fact]
    public async Task Fix_leaves_baselined_findings_alone()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);
        await Cli.RunAsync(dir.Path, "check", ".", "--write-baseline", "b.json");
        dir.Write("Stream.cs", Sources.StreamTokenReader);

        var fix = await Cli.RunAsync(dir.Path, Cli.WithTestFixers, false, "check", ".", "--fix", "--baseline", "b.json");

        Assert.Equal(ExitCodes.Clean, fix.ExitCode);
        Assert.Contains("--fix: fixed 1 finding in 1 file: ", fix.Out);
        Assert.Contains(TestSanctionedPathFixer.SanctionedPath, dir.Read("Stream.cs"));
        Assert.Contains(Sources.ServiceAccountPath, dir.Read("TokenReader.cs"));
    }

    [Fact]
    public async Task Fix_without_any_code_fix_provider_says_so()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, Cli.AnalyzersOnly, false, "check", ".", "--fix");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("note: --fix: no code-fix providers were found; nothing can be fixed", run.Err);
        Assert.Equal(Sources.TokenReader, dir.Read("TokenReader.cs"));
    }
}
