using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

public sealed class OptionsTests : LeakCheckedTest
{
    private static async Task<OptionsValidationException> StartHostAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddTokenPolicyCredentials(builder.Configuration, o =>
        {
            o.BotTokenFilePath = "/nonexistent/bot-token";
        });
        using var host = builder.Build();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return LeakCapture.Observe(e);
    }

    [Theory]
    [InlineData("CREDENTIAL_IDS", "{\"github\": ", "CREDENTIAL_IDS", "malformed JSON")]
    [InlineData("CREDENTIAL_IDS", "[\"cred-1\"]", "CREDENTIAL_IDS", "JSON object")]
    [InlineData("CREDENTIAL_IDS", "{\"github\": \"../../admin\"}", "CREDENTIAL_IDS", "[A-Za-z0-9_-]")]
    [InlineData("CREDENTIAL_IDS", "{\"github\": 12}", "CREDENTIAL_IDS", "not a string")]
    [InlineData("BACKEND_API_URL", "ftp://backend.svc/", "BACKEND_API_URL", "not http or https")]
    [InlineData("BACKEND_API_URL", "backend.svc", "BACKEND_API_URL", "absolute URL")]
    [InlineData("BACKEND_API_URL", "http://evil.example.com/", "BACKEND_API_URL", "not in")]
    [InlineData("PROJECT_NAME", "a/b", "PROJECT_NAME", "must match")]
    [InlineData("AMBIENT_CP_TOKEN_URL", "gopher://cp.svc/token", "AMBIENT_CP_TOKEN_URL", "not http or https")]
    [InlineData("TokenPolicy:Credentials:CredentialIds:github", "bad id", "TokenPolicy:Credentials:CredentialIds", "[A-Za-z0-9_-]")]
    [InlineData("TokenPolicy:Credentials:BackendApiUrl", "file:///etc/passwd", "BACKEND_API_URL", "not http or https")]
    public async Task MalformedOptionsFailAtStartUpNamingTheKey(string key, string value, string named, string reason)
    {
        var e = await StartHostAsync(new Dictionary<string, string?> { [key] = value });
        Assert.Contains(named, e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task UrlWithUserInfoIsRefusedWithoutEchoingIt()
    {
        var password = LeakCapture.NewToken("pw");
        var e = await StartHostAsync(new Dictionary<string, string?> { ["BACKEND_API_URL"] = $"http://runner:{password}@backend.svc/" });
        Assert.Contains("BACKEND_API_URL", e.Message);
        Assert.Contains("user-info", e.Message);
    }

    [Fact]
    public async Task ExchangeSettingsAreCheckedTogether()
    {
        var e = await StartHostAsync(new Dictionary<string, string?>
        {
            ["AMBIENT_CP_TOKEN_URL"] = "http://cp.ambient.svc/token",
            ["AMBIENT_CP_TOKEN_PUBLIC_KEY"] = "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----",
        });
        Assert.Contains("AMBIENT_CP_TOKEN_PUBLIC_KEY", e.Message);
        Assert.Contains("SESSION_ID", e.Message);
    }

    [Fact]
    public async Task ValidOptionsStartAndBindFromPlatformVariables()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BACKEND_API_URL"] = "http://backend.ambient.svc.cluster.local:8080/",
            ["CREDENTIAL_IDS"] = "{\"github\": \"cred-123\", \"jira\": \"cred_456\"}",
            ["AGENTIC_SESSION_NAMESPACE"] = "team-a",
            ["TokenPolicy:Credentials:CredentialIds:gitlab"] = "cred-789",
            ["TokenPolicy:Credentials:Http:MaxRetryAttempts"] = "5",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddTokenPolicyCredentials(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<CredentialClientOptions>>().Value;
        Assert.Equal("http://backend.ambient.svc.cluster.local:8080/", options.BackendApiUrl);
        Assert.Equal("team-a", options.EffectiveProject);
        Assert.Equal(5, options.Http.MaxRetryAttempts);
        var ids = CredentialSettings.For(options).Ids;
        Assert.Empty(CredentialSettings.For(options).Errors);
        Assert.Equal("cred-123", ids["GitHub"]);
        Assert.Equal("cred_456", ids["jira"]);
        Assert.Equal("cred-789", ids["gitlab"]);
        await host.StopAsync();
    }

    [Fact]
    public void ApplyEnvironmentReadsEveryPlatformVariable()
    {
        var secret = LeakCapture.NewToken("oidc-secret");
        var bot = LeakCapture.NewToken("bot");
        var variables = new Dictionary<string, string?>
        {
            ["BACKEND_API_URL"] = "http://b.svc/",
            ["CREDENTIAL_IDS"] = "{}",
            ["PROJECT_NAME"] = "p",
            ["AGENTIC_SESSION_NAMESPACE"] = "n",
            ["BOT_TOKEN"] = bot + "\n",
            ["AMBIENT_CP_TOKEN_URL"] = "http://cp.svc/token",
            ["AMBIENT_CP_TOKEN_PUBLIC_KEY"] = "pem",
            ["SESSION_ID"] = "s",
            ["OIDC_TOKEN_URL"] = "http://idp.svc/token",
            ["OIDC_CLIENT_ID"] = "c",
            ["OIDC_CLIENT_SECRET"] = secret,
        };
        var o = CredentialClientOptions.FromEnvironment(n => variables.GetValueOrDefault(n));
        Assert.Equal("http://b.svc/", o.BackendApiUrl);
        Assert.Equal("{}", o.CredentialIdsJson);
        Assert.Equal("p", o.ProjectName);
        Assert.Equal("n", o.SessionNamespace);
        Assert.Equal(bot, o.BotToken);
        Assert.Equal("http://cp.svc/token", o.ControlPlane.TokenUrl);
        Assert.Equal("pem", o.ControlPlane.PublicKeyPem);
        Assert.Equal("s", o.ControlPlane.SessionId);
        Assert.Equal("http://idp.svc/token", o.ClientCredentials.TokenUrl);
        Assert.Equal("c", o.ClientCredentials.ClientId);
        Assert.Equal(secret, o.ClientCredentials.ClientSecret);
    }
}
