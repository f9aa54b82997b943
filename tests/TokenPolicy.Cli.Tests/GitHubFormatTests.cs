using TokenPolicy.Analyzers;
using TokenPolicy.Cli.Reporting;

namespace TokenPolicy.Cli.Tests;

/// <summary>--format github: GitHub Actions workflow commands, escaped as GitHub's actions/toolkit escapes them.</summary>
public sealed class GitHubFormatTests
{
    [Theory]
    [InlineData("plain message", "plain message")]
    [InlineData("100% sure", "100%25 sure")]
    [InlineData("two\nlines", "two%0Alines")]
    [InlineData("windows\r\nline", "windows%0D%0Aline")]
    [InlineData("a: b, c", "a: b, c")] // ':' and ',' are safe in the message
    [InlineData("%0A is not a newline", "%250A is not a newline")] // an encoded newline in the input stays literal
    public void Message_escapes_percent_cr_and_lf(string message, string escaped) =>
        Assert.Equal(escaped, GitHubReportWriter.EscapeData(message));

    [Theory]
    [InlineData("src/A.cs", "src/A.cs")]
    [InlineData("TP0001: Title, more", "TP0001%3A Title%2C more")]
    [InlineData("a,line=1::injected", "a%2Cline=1%3A%3Ainjected")] // a value can neither add a property nor end the command
    [InlineData("50%\n", "50%25%0A")]
    public void Property_escapes_also_colon_and_comma(string value, string escaped) =>
        Assert.Equal(escaped, GitHubReportWriter.EscapeProperty(value));

    [Fact]
    public async Task Each_finding_is_one_annotation_with_file_position_title_and_help_then_the_summary()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);
        dir.Write("odd, name/Headers.cs", Sources.HardcodedHeader("github"));

        var run = await Cli.RunAsync(dir.Path, "check", ".", "--format", "github");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        // TokenReader.cs:7:36, File.ReadAllText("...") ends before column 107 (the finding's end column is exclusive).
        Assert.Equal(
            "::warning file=TokenReader.cs,line=7,endLine=7,col=36,endColumn=106,title=TP0001%3A Do not read the service-account token file directly"
            + "::File.ReadAllText reads the service-account token file '" + Sources.ServiceAccountPath + "'; authenticate with the caller-or-OIDC resolver (ICredentialTokenResolver) instead"
            + "%0AHelp: " + RuleIdentifiers.GetHelpUri("TP0001"),
            lines[0]);
        Assert.StartsWith("::warning file=odd%2C name/Headers.cs,line=8,endLine=8,col=", lines[1], StringComparison.Ordinal);
        Assert.Contains(",title=TP0002%3A Do not hardcode bearer or API tokens::A hardcoded JWT reaches AuthenticationHeaderValue", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 findings (2 warnings) in 2 files; 2 files analysed (loose files); 2 at or above warning.", lines[2]);
        Assert.DoesNotContain("eyJ", run.Out); // the annotation never repeats the token
    }

    [Fact]
    public async Task Severities_map_to_error_warning_and_notice_and_problems_become_annotations_without_a_file()
    {
        using var dir = new TempDir();
        dir.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.TP0001.severity = error\ndotnet_diagnostic.TP0002.severity = suggestion\n");
        dir.Write("TokenReader.cs", Sources.TokenReader);
        dir.Write("Headers.cs", Sources.HardcodedHeader("github-levels"));
        File.WriteAllBytes(dir["Blob.cs"], new byte[] { 0x41, 0x00, 0x42 });

        var run = await Cli.RunAsync(dir.Path, "check", ".", "--format", "github");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("::notice file=Headers.cs,line=8,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("::error file=TokenReader.cs,line=7,", StringComparison.Ordinal));
        Assert.Contains("::notice title=tokenpolicy::skipped '" + dir["Blob.cs"] + "': binary content (NUL bytes), not C# source", lines);
        Assert.Contains("note: skipped", run.Err); // stderr says it too, as in every format
    }

    [Fact]
    public async Task The_documented_workflow_runs_a_check_the_tool_accepts_and_uploads_the_file_it_writes()
    {
        var workflow = File.ReadAllText(Path.Combine(Repo.Root, "docs", "ci", "github-code-scanning.yml"));
        var line = Assert.Single(workflow.Split('\n'), l => l.Contains("/tokenpolicy\" check ", StringComparison.Ordinal));
        var args = line[(line.IndexOf("\" check ", StringComparison.Ordinal) + 2)..].Trim().Split(' ');
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, args);

        Assert.True(run.ExitCode == ExitCodes.Findings, run.ToString());
        var output = args[Array.IndexOf(args, "--output") + 1];
        Assert.Contains("sarif_file: " + output, workflow, StringComparison.Ordinal);
        using var sarif = System.Text.Json.JsonDocument.Parse(dir.Read(output));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
    }
}
