using System.Text.Json;

namespace TokenPolicy.Package.Tests;

/// <summary>
/// A consumer made from samples/LegacyRunner with a PackageReference to the packed TokenPolicy package, built the
/// way users build: on a developer machine, on CI, with SARIF, after dotnet format, with .editorconfig and #pragma.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConsumerTests
{
    private readonly PackageFixture _fixture;

    public ConsumerTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>Help links are the package's own project URL (the nuspec's projectUrl) plus the rule page's path.</summary>
    private string HelpBase => _fixture.ProjectUrl + "/blob/main/docs/rules/";

    // 1
    [Fact]
    public void Developer_build_succeeds_with_TP0001_and_TP0002_as_warnings()
    {
        var build = _fixture.Baseline;

        Assert.True(build.Succeeded, build.ToString());
        var tp = build.TokenPolicy;
        Assert.True(tp.WithId("TP0001").Count >= 2, $"expected TP0001 at the ReadAllTextAsync and StreamReader reads:\n{tp.Describe()}\n{build}");
        Assert.NotEmpty(tp.WithId("TP0002"));
        Assert.Equal(2, tp.WithId("TP0004").Count); // both credential fetches of the sample
        Assert.All(tp.Where(d => d.Id is "TP0001" or "TP0002" or "TP0004"), d => Assert.Equal("warning", d.Severity));
        Assert.Empty(build.Diagnostics.Errors());
    }

    // 2 (and TP0003 stays informational in enforce mode)
    [Fact]
    public void Ci_build_fails_with_TP_errors_and_keeps_TP0003_informational()
    {
        var consumer = _fixture.NewConsumer("ci");
        // A stand-in for kubernetes-client's API (TP0003 matches it by metadata name) and a call to it.
        File.WriteAllText(consumer.PathOf("KubernetesProbe.cs"), """
            namespace k8s
            {
                public sealed class KubernetesClientConfiguration
                {
                    public static KubernetesClientConfiguration InClusterConfig() => new();
                }
            }

            namespace LegacyRunner
            {
                internal static class KubernetesProbe
                {
                    public static object Configure() => k8s.KubernetesClientConfiguration.InClusterConfig();
                }
            }
            """);

        var ci = consumer.Build(CiEnvironment.CiTrue, "-p:ErrorLog=results.sarif%2Cversion=2.1");

        Assert.False(ci.Succeeded, $"CI=true must fail the build\n{ci}");
        Assert.NotEmpty(ci.TokenPolicy.WithId("TP0001").Errors());
        Assert.NotEmpty(ci.TokenPolicy.WithId("TP0002").Errors());
        Assert.NotEmpty(ci.TokenPolicy.WithId("TP0004").Errors());
        Assert.DoesNotContain(ci.TokenPolicy, d => d.Id is "TP0001" or "TP0002" or "TP0004" && d.Severity != "error");
        // Only TokenPolicy fails it: the code itself compiles.
        Assert.All(ci.Diagnostics.Errors(), d => Assert.StartsWith("TP", d.Id));

        var levels = SarifResults(consumer.PathOf("results.sarif"));
        Assert.Contains(levels, r => r.RuleId == "TP0001" && r.Level == "error");
        Assert.Contains(levels, r => r.RuleId == "TP0003");
        Assert.All(levels.Where(r => r.RuleId == "TP0003"), r => Assert.Equal("note", r.Level));
    }

    // Modes: ContinuousIntegrationBuild=true alone enforces, TokenPolicyMode wins over the CI default, off silences
    // every rule, and a change of mode alone recompiles (no stale success after a developer build).
    [Fact]
    public void TokenPolicyMode_overrides_the_default_and_a_mode_change_recompiles()
    {
        var consumer = _fixture.NewConsumer("modes");

        var explicitWarn = consumer.Build(CiEnvironment.CiTrue, "-p:TokenPolicyMode=warn");
        Assert.True(explicitWarn.Succeeded, $"-p:TokenPolicyMode=warn wins over CI=true\n{explicitWarn}");
        Assert.NotEmpty(explicitWarn.TokenPolicy.WithId("TP0001"));
        Assert.Empty(explicitWarn.Diagnostics.Errors());

        // Same sources, up-to-date output: only the mode changes, and the build must notice.
        var continuousIntegrationBuild = consumer.Build(CiEnvironment.ContinuousIntegrationBuild);
        Assert.False(continuousIntegrationBuild.Succeeded, $"ContinuousIntegrationBuild=true must fail the build\n{continuousIntegrationBuild}");
        Assert.NotEmpty(continuousIntegrationBuild.TokenPolicy.WithId("TP0001").Errors());
        Assert.NotEmpty(continuousIntegrationBuild.TokenPolicy.WithId("TP0002").Errors());

        var off = consumer.Build(CiEnvironment.CiTrue, "-p:TokenPolicyMode=off");
        Assert.True(off.Succeeded, $"TokenPolicyMode=off silences every rule, on CI too\n{off}");
        Assert.Empty(off.TokenPolicy);
    }

    // 3
    [Fact]
    public void Sarif_2_1_error_log_has_TP_results_with_help_uris()
    {
        var build = _fixture.Baseline;
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(build.SarifPath), $"-p:ErrorLog=...%2Cversion=2.1 wrote no {build.SarifPath}\n{build}");

        using (var sarif = JsonDocument.Parse(File.ReadAllText(build.SarifPath!)))
        {
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        }

        var results = SarifResults(build.SarifPath!);
        Assert.Contains(results, r => r.RuleId == "TP0001");
        Assert.Contains(results, r => r.RuleId == "TP0002");
        Assert.Contains(results, r => r.RuleId == "TP0004");
        Assert.All(results, r => Assert.Equal(HelpBase + r.RuleId + ".md", r.HelpUri));
        // The page each link names ships in the package, so its text is there even where the link cannot be followed.
        Assert.All(results, r => Assert.Contains("docs/rules/" + r.RuleId + ".md", _fixture.Entries));
        Assert.All(results.Where(r => r.RuleId is "TP0001" or "TP0002"), r => Assert.Equal("warning", r.Level));
    }

    // 4
    [RequiresCodeFixesFact]
    public void Dotnet_format_applies_the_fixes_and_the_result_builds_clean()
    {
        Assert.Contains("analyzers/dotnet/cs/TokenPolicy.CodeFixes.dll", _fixture.Entries);
        var consumer = _fixture.NewConsumer("format");
        var before = File.ReadAllText(consumer.PathOf("CredentialFetcher.cs"));

        var format = consumer.Run(CiEnvironment.DeveloperMachine,
            "format", "analyzers", consumer.ProjectPath, "--diagnostics", "TP0001", "TP0002", "--severity", "warn", "--verbosity", "detailed");
        Assert.True(format.Succeeded, format.ToString());

        var after = File.ReadAllText(consumer.PathOf("CredentialFetcher.cs"));
        Assert.NotEqual(before, after);
        Assert.Contains("TokenPolicy.Credentials", after);

        // Built as CI builds it (enforce mode): the fixed code passes the policy it used to fail.
        var build = consumer.Build(CiEnvironment.CiTrue);
        Assert.True(build.Succeeded, $"{build}\n--- CredentialFetcher.cs after format ---\n{after}");
        Assert.Empty(build.Diagnostics.Errors());
        // Every TP0001/TP0002 shape in the sample has a fix (issue 4), so none may remain.
        // Their fixes also put the resolver's token on both credential fetches, so TP0004 is gone too.
        Assert.True(!build.TokenPolicy.Any(d => d.Id is "TP0001" or "TP0002" or "TP0004"),
            $"left after dotnet format:\n{build.TokenPolicy.Describe()}\n--- CredentialFetcher.cs ---\n{after}");
    }

    // 5
    [Fact]
    public void Editorconfig_severity_none_silences_TP0001_in_warn_and_in_enforce_mode()
    {
        var consumer = _fixture.NewConsumer("editorconfig");
        consumer.WriteEditorConfig("dotnet_diagnostic.TP0001.severity = none");

        var developer = consumer.Build(CiEnvironment.DeveloperMachine);
        var ci = consumer.Build(CiEnvironment.CiTrue);

        Assert.True(developer.Succeeded, developer.ToString());
        Assert.Empty(developer.TokenPolicy.WithId("TP0001"));
        Assert.NotEmpty(developer.TokenPolicy.WithId("TP0002"));

        // Enforce mode still honours the project's choice for TP0001, and only for TP0001.
        Assert.Empty(ci.TokenPolicy.WithId("TP0001"));
        Assert.NotEmpty(ci.TokenPolicy.WithId("TP0002").Errors());
        Assert.False(ci.Succeeded, ci.ToString());
    }

    // 5
    [Fact]
    public void Pragma_warning_disable_TP0002_is_honoured_in_enforce_mode()
    {
        var baseline = _fixture.Baseline;
        Assert.True(baseline.Succeeded, baseline.ToString());
        var tp0002 = baseline.TokenPolicy.WithId("TP0002");
        Assert.NotEmpty(tp0002);

        var consumer = _fixture.NewConsumer("pragma");
        // TP0004 reports the sample's credential fetches themselves (their tokens are the ones TP0001/TP0002 flag): off too.
        consumer.WriteEditorConfig("dotnet_diagnostic.TP0001.severity = none\ndotnet_diagnostic.TP0004.severity = none");
        foreach (var file in tp0002.GroupBy(d => Path.GetFileName(d.File)))
        {
            // Wrap each reported line, bottom up so that line numbers stay valid.
            var path = consumer.PathOf(file.Key);
            var lines = File.ReadAllLines(path).ToList();
            foreach (var line in file.Select(d => d.Line).Distinct().OrderDescending())
            {
                lines.Insert(line, "#pragma warning restore TP0002");
                lines.Insert(line - 1, "#pragma warning disable TP0002");
            }

            File.WriteAllLines(path, lines);
        }

        var ci = consumer.Build(CiEnvironment.CiTrue);

        Assert.True(ci.Succeeded, $"every TP0002 is under #pragma and TP0001/TP0004 are off in .editorconfig; CI=true must pass\n{ci}");
        Assert.DoesNotContain(ci.TokenPolicy, d => d.Id is "TP0001" or "TP0002" or "TP0004");
    }

    // 6
    [Fact]
    public void Consumer_calls_AddTokenPolicyCredentials_and_runs()
    {
        var consumer = _fixture.NewConsumer("library");
        File.WriteAllText(consumer.PathOf("TokenPolicyComposition.cs"), """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using TokenPolicy.Credentials;

            namespace LegacyRunner;

            /// <summary>The way the package's README tells users to wire the credential client.</summary>
            internal static class TokenPolicyComposition
            {
                public static int Run()
                {
                    IConfiguration configuration = new ConfigurationBuilder()
                        .AddInMemoryCollection(new Dictionary<string, string?>
                        {
                            ["BACKEND_API_URL"] = "http://backend.ambient.svc:8080",
                        })
                        .Build();

                    var services = new ServiceCollection();
                    services.AddTokenPolicyCredentials(configuration);
                    using var provider = services.BuildServiceProvider();
                    var resolver = provider.GetRequiredService<ICredentialTokenResolver>();
                    var client = provider.GetRequiredService<CredentialClient>();
                    Console.WriteLine($"TokenPolicy wired: {resolver.GetType().Name}, {client.GetType().Name}");
                    return 0;
                }
            }
            """);
        var program = consumer.PathOf("Program.cs");
        var source = File.ReadAllText(program);
        Assert.Contains("using LegacyRunner;", source);
        File.WriteAllText(program, source.Replace(
            "using LegacyRunner;",
            "using LegacyRunner;\n\nif (args is [\"--tokenpolicy-composition\"])\n{\n    return TokenPolicyComposition.Run();\n}\n"));

        var build = consumer.Build(CiEnvironment.DeveloperMachine);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Diagnostics.Errors());

        var run = consumer.Run(CiEnvironment.DeveloperMachine,
            consumer.PathOf(Path.Combine("bin", "Debug", "net10.0", "LegacyRunner.dll")), "--tokenpolicy-composition");
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("TokenPolicy wired:", run.Output);
    }

    /// <summary>The TokenPolicy results of a SARIF 2.1 log: rule, its help URI, level.</summary>
    private static List<(string RuleId, string? HelpUri, string Level)> SarifResults(string path)
    {
        Assert.True(File.Exists(path), $"no SARIF log at {path}");
        using var sarif = JsonDocument.Parse(File.ReadAllText(path));
        var results = new List<(string RuleId, string? HelpUri, string Level)>();
        foreach (var run in sarif.RootElement.GetProperty("runs").EnumerateArray())
        {
            var rules = run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var r)
                ? r.EnumerateArray().ToList()
                : [];
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var ruleId = result.GetProperty("ruleId").GetString()!;
                if (!ruleId.StartsWith("TP", StringComparison.Ordinal))
                {
                    continue;
                }

                var rule = result.TryGetProperty("ruleIndex", out var index)
                    ? rules[index.GetInt32()]
                    : rules.Single(x => x.GetProperty("id").GetString() == ruleId);
                var helpUri = rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null;
                // SARIF's default level is "warning".
                results.Add((ruleId, helpUri, result.TryGetProperty("level", out var level) ? level.GetString()! : "warning"));
            }
        }

        return results;
    }
}
