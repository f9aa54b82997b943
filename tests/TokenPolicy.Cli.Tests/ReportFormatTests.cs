using System.Text.Json;
using TokenPolicy.Analyzers;

namespace TokenPolicy.Cli.Tests;

/// <summary>SARIF 2.1.0 and JSON shapes.</summary>
public sealed class ReportFormatTests
{
    [Fact]
    public async Task Sarif_has_version_rules_with_help_uris_results_with_locations_and_fingerprints()
    {
        using var dir = new TempDir();
        dir.Write("src/TokenReader.cs", Sources.TokenReader);
        dir.Write("src/Headers.cs", Sources.HardcodedHeader("sarif"));

        var run = await Cli.RunAsync(dir.Path, "check", ".", "--format", "sarif", "--output", "out.sarif");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        using var sarif = JsonDocument.Parse(dir.Read("out.sarif"));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString());
        var runElement = Assert.Single(root.GetProperty("runs").EnumerateArray());

        var driver = runElement.GetProperty("tool").GetProperty("driver");
        Assert.Equal("TokenPolicy", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("TP0001", ruleIds);
        Assert.Contains("TP0002", ruleIds);
        Assert.Contains("TP0003", ruleIds);
        Assert.Contains("TP0004", ruleIds);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString();
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Equal(RuleIdentifiers.GetHelpUri(id!), rule.GetProperty("helpUri").GetString());
        }

        Assert.Equal("DoNotReadTheServiceAccountTokenFileDirectly", rules[ruleIds.IndexOf("TP0001")].GetProperty("name").GetString());

        var results = runElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var tp0001 = results.Single(r => r.GetProperty("ruleId").GetString() == "TP0001");
        Assert.Equal(ruleIds.IndexOf("TP0001"), tp0001.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("warning", tp0001.GetProperty("level").GetString());
        Assert.Contains("service-account token file", tp0001.GetProperty("message").GetProperty("text").GetString());
        var physical = Assert.Single(tp0001.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("src/TokenReader.cs", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(7, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(36, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", tp0001.GetProperty("partialFingerprints").GetProperty("tokenpolicy/v1").GetString());
        Assert.Equal(
            new Uri(dir.Path + "/").AbsoluteUri,
            runElement.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        Assert.True(runElement.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public async Task Sarif_fingerprints_survive_moved_lines_and_differ_per_finding()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);
        dir.Write("Stream.cs", Sources.StreamTokenReader);
        var before = await FingerprintsAsync(dir);

        dir.Write("TokenReader.cs", "// a comment\n\n// moves every line down\n" + Sources.TokenReader.Replace("    public static string Read()", "    public  static string   Read()", StringComparison.Ordinal));
        var after = await FingerprintsAsync(dir);

        Assert.Equal(2, before.Count);
        Assert.Equal(2, before.Distinct().Count());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Json_lists_findings_summary_and_fingerprints()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);
        dir.Write("Headers.cs", Sources.HardcodedHeader("json"));

        var run = await Cli.RunAsync(dir.Path, "check", ".", "--format", "json");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("filesAnalyzed").GetInt32());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(new[] { "TP0002", "TP0001" }, findings.Select(f => f.GetProperty("ruleId").GetString()));
        var first = findings[1];
        Assert.Equal("TokenReader.cs", first.GetProperty("path").GetString());
        Assert.Equal(7, first.GetProperty("line").GetInt32());
        Assert.Equal(36, first.GetProperty("column").GetInt32());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Matches("^[0-9a-f]{32}$", first.GetProperty("fingerprint").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.GetProperty("byRule").GetProperty("TP0001").GetInt32());
        Assert.Equal(1, summary.GetProperty("byRule").GetProperty("TP0002").GetInt32());
        Assert.DoesNotContain("eyJ", run.Out); // the report never repeats a token
    }

    private static async Task<List<string>> FingerprintsAsync(TempDir dir)
    {
        var run = await Cli.RunAsync(dir.Path, "check", ".", "--format", "sarif");
        using var sarif = JsonDocument.Parse(run.Out);
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("tokenpolicy/v1").GetString()!)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }
}
