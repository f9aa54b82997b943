namespace TokenPolicy.Package.Tests;

/// <summary>
/// "CI fails the build" on every common CI server, not only where CI=true is set: each server's own variable turns on
/// enforce mode, and an explicit TokenPolicyMode still wins. One packed package, one restored consumer (copied per case).
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CiServerTests
{
    /// <summary>Each variable with a value its server really sets.</summary>
    public static readonly TheoryData<string, string> Servers = new()
    {
        { "TF_BUILD", "True" },                          // Azure Pipelines
        { "GITHUB_ACTIONS", "true" },                    // GitHub Actions
        { "GITLAB_CI", "true" },                         // GitLab CI
        { "JENKINS_URL", "http://jenkins.example:8080/" }, // Jenkins
        { "TEAMCITY_VERSION", "2025.03.2 (build 186049)" }, // TeamCity
        { "BUILDKITE", "true" },                         // Buildkite
        { "CIRCLECI", "true" },                          // CircleCI
    };

    private readonly PackageFixture _fixture;

    public CiServerTests(PackageFixture fixture) => _fixture = fixture;

    [Theory]
    [MemberData(nameof(Servers))]
    public void The_CI_server_variable_alone_enforces(string variable, string value)
    {
        // DeveloperMachine: CI, ContinuousIntegrationBuild and every other server's variable are removed from the child.
        var consumer = _fixture.NewConsumer("ci-" + variable.ToLowerInvariant());

        var build = consumer.Build(CiEnvironment.DeveloperMachine, new Dictionary<string, string> { [variable] = value });

        Assert.False(build.Succeeded, $"{variable}={value} must fail the build\n{build}");
        Assert.NotEmpty(build.TokenPolicy.WithId("TP0001").Errors());
        Assert.NotEmpty(build.TokenPolicy.WithId("TP0002").Errors());
        Assert.NotEmpty(build.TokenPolicy.WithId("TP0004").Errors());
        Assert.DoesNotContain(build.TokenPolicy, d => d.Id is "TP0001" or "TP0002" or "TP0004" && d.Severity != "error");
        Assert.All(build.Diagnostics.Errors(), d => Assert.StartsWith("TP", d.Id));
    }

    [Fact]
    public void An_explicit_TokenPolicyMode_wins_over_every_CI_server_variable_and_an_empty_one_is_not_a_server()
    {
        var every = Servers.ToDictionary(row => (string)row[0], row => (string)row[1]);
        var consumer = _fixture.NewConsumer("ci-explicit");

        var warn = consumer.Build(CiEnvironment.CiTrue, every, "-p:TokenPolicyMode=warn");

        Assert.True(warn.Succeeded, $"-p:TokenPolicyMode=warn wins over CI=true and {string.Join(", ", every.Keys)}\n{warn}");
        Assert.NotEmpty(warn.TokenPolicy.WithId("TP0001"));
        Assert.NotEmpty(warn.TokenPolicy.WithId("TP0002"));
        Assert.Empty(warn.Diagnostics.Errors());

        // Set but empty (e.g. `export GITLAB_CI=` in a profile): not a CI server, so the default stays warn.
        // A fresh copy: the same mode on the same sources would be an up-to-date build that reports nothing.
        var empty = _fixture.NewConsumer("ci-empty").Build(CiEnvironment.DeveloperMachine, every.ToDictionary(kv => kv.Key, _ => ""));

        Assert.True(empty.Succeeded, $"empty CI variables are not a CI server\n{empty}");
        Assert.NotEmpty(empty.TokenPolicy.WithId("TP0001"));
        Assert.Empty(empty.Diagnostics.Errors());
    }
}
