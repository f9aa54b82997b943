namespace TokenPolicy.Cli.Tests;

/// <summary>Folders of loose .cs files: findings, output format, exit codes, .editorconfig.</summary>
public sealed class CheckFolderTests
{
    [Fact]
    public async Task Loose_folder_reports_each_finding_as_path_line_col_and_exits_1()
    {
        using var dir = new TempDir();
        dir.Write("src/TokenReader.cs", Sources.TokenReader);
        dir.Write("src/Headers.cs", Sources.HardcodedHeader("folder"));
        dir.Write("src/Clean.cs", Sources.Clean);

        var run = await Cli.RunAsync(dir.Path, "check", ".");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("src/TokenReader.cs:7:36: warning TP0001: File.ReadAllText reads the service-account token file '" + Sources.ServiceAccountPath + "'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("src/Headers.cs:8:", StringComparison.Ordinal) && l.Contains(": warning TP0002: ", StringComparison.Ordinal));
        Assert.DoesNotContain("namespace'", run.Out); // the namespace file beside the token is harmless
        Assert.Contains("Findings by rule:", run.Out);
        Assert.Matches(@"TP0001\s+1\s+warning\s+Do not read the service-account token file directly", run.Out);
        Assert.Matches(@"TP0002\s+1\s+warning\s+Do not hardcode bearer or API tokens", run.Out);
        Assert.Contains("2 findings (2 warnings) in 2 files; 3 files analysed (loose files); 2 at or above warning.", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public async Task Clean_folder_exits_0()
    {
        using var dir = new TempDir();
        dir.Write("Clean.cs", Sources.Clean);

        var run = await Cli.RunAsync(dir.Path, "check", dir.Path);

        Assert.Equal(ExitCodes.Clean, run.ExitCode);
        Assert.Contains("No findings; 1 file analysed (loose files).", run.Out);
    }

    [Fact]
    public async Task Severity_threshold_decides_the_exit_code()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);

        var atError = await Cli.RunAsync(dir.Path, "check", ".", "--severity", "error");
        var atInfo = await Cli.RunAsync(dir.Path, "check", ".", "--severity", "info");

        Assert.Equal(ExitCodes.Clean, atError.ExitCode);
        Assert.Contains("TP0001", atError.Out); // still reported, just below the threshold
        Assert.Contains("0 at or above error.", atError.Out);
        Assert.Equal(ExitCodes.Findings, atInfo.ExitCode);
    }

    [Fact]
    public async Task Single_cs_file_can_be_checked()
    {
        using var dir = new TempDir();
        var file = dir.Write("TokenReader.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, "check", file);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("TokenReader.cs:7:36: warning TP0001", run.Out);
    }

    [Fact]
    public async Task Editorconfig_above_the_folder_overrides_severity()
    {
        using var dir = new TempDir();
        dir.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.TP0001.severity = error\n");
        dir.Write("code/TokenReader.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, "check", "code", "--severity", "error");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("code/TokenReader.cs:7:36: error TP0001:", run.Out);
    }

    [Fact]
    public async Task Editorconfig_severity_none_silences_a_rule_and_nearer_root_true_hides_outer_files()
    {
        using var dir = new TempDir();
        dir.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.TP0002.severity = error\n");
        dir.Write("code/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.TP0001.severity = none\n");
        dir.Write("code/TokenReader.cs", Sources.TokenReader);
        dir.Write("code/Headers.cs", Sources.HardcodedHeader("editorconfig"));

        var run = await Cli.RunAsync(dir.Path, "check", "code");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.DoesNotContain("TP0001", run.Out);
        Assert.Contains("warning TP0002", run.Out); // the outer error override is above root = true: ignored
    }

    [Fact]
    public async Task Editorconfig_analyzer_options_reach_the_analyzers()
    {
        using var dir = new TempDir();
        const string custom = """
            using System.IO;

            public static class CustomToken
            {
                public static string Read() => File.ReadAllText("/opt/identity/workload-token");
            }
            """;
        dir.Write("code/CustomToken.cs", custom);

        var without = await Cli.RunAsync(dir.Path, "check", "code");
        dir.Write(".editorconfig", "root = true\n\n[*.cs]\nTP0001.extra_token_paths = /opt/identity/*-token\n");
        var with = await Cli.RunAsync(dir.Path, "check", "code");

        Assert.Equal(ExitCodes.Clean, without.ExitCode);
        Assert.Equal(ExitCodes.Findings, with.ExitCode);
        Assert.Contains("code/CustomToken.cs:5:", with.Out);
        Assert.Contains("'/opt/identity/workload-token'", with.Out);
    }

    [Fact]
    public async Task Pragma_suppressions_are_honoured()
    {
        using var dir = new TempDir();
        dir.Write("Suppressed.cs", "#pragma warning disable TP0001\n" + Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, "check", ".");

        Assert.Equal(ExitCodes.Clean, run.ExitCode);
    }

    [Fact]
    public async Task Output_file_gets_the_report_and_stdout_a_summary()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, "check", ".", "--output", "reports/out.txt");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("TokenReader.cs:7:36: warning TP0001", dir.Read("reports/out.txt"));
        Assert.DoesNotContain("TokenReader.cs:7:36", run.Out);
        Assert.Contains("1 finding (1 warning) in 1 file", run.Out);
        Assert.Contains("Report (text) written to reports/out.txt.", run.Out);
    }

    [Fact]
    public async Task Progress_goes_to_stderr_only_on_a_terminal()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);
        dir.Write("Clean.cs", Sources.Clean);

        var terminal = await Cli.RunAsync(dir.Path, Cli.AnalyzersOnly, showProgress: true, "check", ".");
        var redirected = await Cli.RunAsync(dir.Path, Cli.AnalyzersOnly, showProgress: false, "check", ".");

        Assert.Contains("Analysing files: 0/2", terminal.Err);
        Assert.Contains("Analysing files: 2/2", terminal.Err);
        Assert.DoesNotContain("Analysing", terminal.Out);
        Assert.Equal("", redirected.Err);
        Assert.Equal(terminal.Out, redirected.Out);
    }

    [Fact]
    public async Task Rules_command_lists_every_rule_with_its_help_link()
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), "rules");

        Assert.Equal(0, run.ExitCode);
        foreach (var id in new[] { "TP0001", "TP0002", "TP0003" })
        {
            Assert.Contains($"{id}  ", run.Out);
            Assert.Contains(TokenPolicy.Analyzers.RuleIdentifiers.GetHelpUri(id), run.Out);
        }
    }
}
