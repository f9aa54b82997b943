using System.Text.Json;
using System.Text.Json.Nodes;
using TokenPolicy.Analyzers;
using TokenPolicy.Cli.Analysis;

namespace TokenPolicy.Cli.Tests;

/// <summary>
/// SARIF for GitHub code scanning: Microsoft's validator with GitHub's ingestion rules accepts the CLI's real output
/// without an error or a warning; rules carry their rule page as help; links come from the package's project URL.
/// </summary>
public sealed class SarifTests
{
    /// <summary>A stand-in for kubernetes-client's API (TP0003 matches it by metadata name) and a call to it.</summary>
    private const string KubernetesProbe = """
        namespace k8s
        {
            public sealed class KubernetesClientConfiguration
            {
                public static KubernetesClientConfiguration InClusterConfig() => new();
            }
        }

        namespace Fixture
        {
            internal static class KubernetesProbe
            {
                public static object Configure() => k8s.KubernetesClientConfiguration.InClusterConfig();
            }
        }
        """;

    [RequiresSarifValidatorFact]
    public async Task Validator_with_GitHub_rules_reports_no_error_and_no_warning_on_the_cli_output()
    {
        using var dir = new TempDir();
        WriteFixture(dir);
        var folderSarif = dir["folder.sarif"];
        var sampleSarif = dir["sample.sarif"];

        var folder = await Cli.RunAsync(dir["scan"], "check", ".", "--format", "sarif", "--output", folderSarif, "--baseline", dir["baseline.json"]);
        var sample = await Cli.RunAsync(Repo.Root, "check", "samples/LegacyRunner", "--loose", "--format", "sarif", "--output", sampleSarif);

        Assert.True(folder.ExitCode == ExitCodes.Findings, folder.ToString());
        Assert.True(sample.ExitCode == ExitCodes.Findings, sample.ToString());
        var levels = ResultLevels(folderSarif);
        Assert.Equal(new[] { "note", "warning", "warning", "warning" }, levels.OrderBy(l => l, StringComparer.Ordinal)); // TP0003 is info
        Assert.Equal(7, ResultLevels(sampleSarif).Count);

        var validation = await SarifValidator.ValidateAsync(folderSarif, sampleSarif);

        Assert.True(validation.FilesScanned == 2, validation.ToString());
        Assert.True(validation.ErrorsAndWarnings.Count == 0,
            "the validator reported:\n" + string.Join("\n", validation.ErrorsAndWarnings.Select(r => r.Line)) + "\n" + validation);
        Assert.DoesNotContain(validation.NotificationLevels, l => l is "error" or "warning");
    }

    [RequiresSarifValidatorFact]
    public async Task Validator_reports_GH2012_when_the_rules_lose_their_help()
    {
        // The control for the test above: the same validator run does flag what GitHub would reject.
        using var dir = new TempDir();
        WriteFixture(dir);
        var sarif = dir["out.sarif"];
        await Cli.RunAsync(dir["scan"], "check", ".", "--format", "sarif", "--output", sarif);
        var log = JsonNode.Parse(File.ReadAllText(sarif))!;
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var rule in rules)
        {
            rule!.AsObject().Remove("help");
        }

        var stripped = dir["stripped.sarif"];
        File.WriteAllText(stripped, log.ToJsonString());

        var validation = await SarifValidator.ValidateAsync(stripped);

        Assert.Equal(rules.Count, validation.Results.Count(r => r.RuleId == "GH2012" && r.Level == "error"));
    }

    [Fact]
    public async Task Rules_carry_their_rule_page_as_help_markdown_with_absolute_links_and_as_plain_text()
    {
        using var dir = new TempDir();
        dir.Write("TokenReader.cs", Sources.TokenReader);

        var run = await Cli.RunAsync(dir.Path, "check", ".", "--format", "sarif");

        using var sarif = JsonDocument.Parse(run.Out);
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "TP0001", "TP0002", "TP0003", "TP0004" }, rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var help = rule.GetProperty("help");
            var markdown = help.GetProperty("markdown").GetString()!;
            var text = help.GetProperty("text").GetString()!;
            var title = page.Split('\n')[0][2..]; // "# TP0001: Do not read ..."

            Assert.StartsWith("# " + title + "\n", markdown, StringComparison.Ordinal);
            Assert.StartsWith(title + "\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("](TP0", markdown, StringComparison.Ordinal); // relative links are made absolute
            Assert.DoesNotContain("```", text, StringComparison.Ordinal);
            Assert.DoesNotContain("## ", text, StringComparison.Ordinal);
            // Every line of prose in the page is still there (the markdown is the page, links resolved).
            Assert.Equal(page.Split('\n').Count(l => l.Length > 0), markdown.Split('\n').Count(l => l.Length > 0));
        }

        var tp0001 = rules[0].GetProperty("help").GetProperty("markdown").GetString()!;
        Assert.Contains("[TP0003](" + RuleIdentifiers.GetHelpUri("TP0003") + ")", tp0001, StringComparison.Ordinal);
        var tp0002 = rules[1].GetProperty("help").GetProperty("markdown").GetString()!;
        Assert.Contains("[TP0001](" + RuleIdentifiers.GetHelpUri("TP0001") + "#code-fix)", tp0002, StringComparison.Ordinal);
        Assert.Equal("DoNotHardcodeBearerOrApiTokens", rules[1].GetProperty("name").GetString()); // Pascal case, as SARIF asks
        var tp0004 = rules[3].GetProperty("help").GetProperty("markdown").GetString()!;
        Assert.Contains("[TP0001](" + RuleIdentifiers.GetHelpUri("TP0001") + "#code-fix)", tp0004, StringComparison.Ordinal);
        Assert.Contains("tokenpolicy.credential_endpoints", tp0004, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_has_automation_details_relative_uris_with_their_base_and_the_project_url()
    {
        using var dir = new TempDir();
        dir.Write("My Code/TokenReader.cs", Sources.TokenReader);

        var loose = await Cli.RunAsync(dir.Path, "check", ".", "--format", "sarif");
        var sample = await Cli.RunAsync(Repo.Root, "check", "samples/LegacyRunner", "--loose", "--format", "sarif");

        using (var sarif = JsonDocument.Parse(loose.Out))
        {
            var run = sarif.RootElement.GetProperty("runs")[0];
            Assert.Equal("tokenpolicy/", run.GetProperty("automationDetails").GetProperty("id").GetString()); // the scan root itself
            var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("My%20Code/TokenReader.cs", location.GetProperty("uri").GetString());
            Assert.Equal("%SRCROOT%", location.GetProperty("uriBaseId").GetString());
            Assert.Equal(new Uri(dir.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
            Assert.Equal(RuleIdentifiers.ProjectUrl, run.GetProperty("tool").GetProperty("driver").GetProperty("informationUri").GetString());
        }

        using (var sarif = JsonDocument.Parse(sample.Out))
        {
            // Inside a git repository: paths and the automation id are relative to the repository root.
            var run = sarif.RootElement.GetProperty("runs")[0];
            Assert.Equal("tokenpolicy/samples/LegacyRunner/", run.GetProperty("automationDetails").GetProperty("id").GetString());
            Assert.All(run.GetProperty("results").EnumerateArray(), r => Assert.Equal(
                "samples/LegacyRunner/CredentialFetcher.cs",
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
        }
    }

    [Fact]
    public void Help_and_information_links_come_from_the_package_project_url_and_name_pages_that_exist()
    {
        Assert.Equal(RuleIdentifiers.ProjectUrl, Repo.PackageProjectUrl); // the constant and Directory.Build.props agree
        Assert.StartsWith(RuleIdentifiers.ProjectUrl + "/", RuleIdentifiers.HelpBaseUri, StringComparison.Ordinal);
        var catalog = RuleCatalog.Load(null);
        Assert.NotEmpty(catalog.Descriptors);
        foreach (var descriptor in catalog.Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            Assert.Equal(RuleIdentifiers.GetHelpUri(descriptor.Id), descriptor.HelpLinkUri);
            var page = descriptor.HelpLinkUri[(RuleIdentifiers.ProjectUrl + "/blob/main/").Length..];
            Assert.True(File.Exists(Path.Combine(Repo.Root, page)), $"{descriptor.Id}'s help link names {page}, which does not exist");
        }
    }

    private static void WriteFixture(TempDir dir)
    {
        dir.Write("scan/TokenReader.cs", Sources.TokenReader);
        dir.Write("scan/Headers.cs", Sources.HardcodedHeader("sarif-validator"));
        dir.Write("scan/My Folder/Stream.cs", Sources.StreamTokenReader);
        dir.Write("scan/KubernetesProbe.cs", KubernetesProbe);
        File.WriteAllBytes(dir["scan/Blob.cs"], new byte[] { 0x41, 0x00, 0x42 }); // a notice: skipped binary file
        // One entry that matches nothing: a stale entry in the run's properties.
        dir.Write("baseline.json", """
            { "version": 1, "entries": [ { "ruleId": "TP0002", "path": "Gone.cs", "fingerprint": "00000000000000000000000000000000" } ] }
            """);
    }

    private static List<string> ResultLevels(string sarifFile)
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifFile));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("level").GetString()!).ToList();
    }
}
