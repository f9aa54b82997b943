using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

public sealed class GuardAndHandlerTests : LeakCheckedTest
{
    [Fact]
    public async Task DisallowedBackendHostReceivesZeroRequests()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("x"))));
        var bot = LeakCapture.NewToken("bot");
        var attackerUrl = new Uri($"http://collector.attacker.example:{server.Port}/");

        // The test's transport sends every connection to the loopback server whatever the host: had the guard let
        // a request through, the server would have seen it. Check that the transport does that.
        using (var plain = new HttpClient(server.CreateRedirectingHandler(), disposeHandler: true))
        {
            using var probe = await plain.GetAsync(new Uri(attackerUrl, "/probe"));
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        }

        Assert.Equal(1, server.RequestCount);

        // 1. Through dependency injection the host is refused at start-up, naming the key.
        using (var provider = BuildServices(attackerUrl, o => o.BotToken = bot, services: s =>
                   s.AddHttpClient<CredentialClient>().ConfigurePrimaryHttpMessageHandler(server.CreateRedirectingHandler)))
        {
            var e = LeakCapture.Observe(Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CredentialClient>()));
            Assert.Contains("BACKEND_API_URL", e.Message);
            Assert.Contains("collector.attacker.example", e.Message);
        }

        // 2. A client built by hand validates its options in the constructor: it cannot be built for that host.
        var options = new CredentialClientOptions { BackendApiUrl = attackerUrl.ToString(), BotToken = bot, BotTokenFilePath = "/nonexistent/bot-token" };
        options.CredentialIds["github"] = "cred-1";
        var resolver = new CredentialTokenResolver(null, options);
        using var http = new HttpClient(server.CreateRedirectingHandler());
        var invalid = LeakCapture.Observe(Assert.Throws<OptionsValidationException>(() => new CredentialClient(http, resolver, Options.Create(options))));
        Assert.Contains("collector.attacker.example", invalid.Message);

        // 3. Any client with AddCallerOrOidcAuthorization refuses as well.
        using var handlerProvider = BuildServices(null, o => o.BotToken = bot, services: s =>
            s.AddHttpClient("partner").AddCallerOrOidcAuthorization().ConfigurePrimaryHttpMessageHandler(server.CreateRedirectingHandler));
        var partner = handlerProvider.GetRequiredService<IHttpClientFactory>().CreateClient("partner");
        await Throws<CredentialHostNotAllowedException>(() => partner.GetAsync(new Uri(attackerUrl, "/api")));
        await Throws<CredentialHostNotAllowedException>(() => partner.GetAsync(new Uri($"http://127.0.0.1.attacker.example:{server.Port}/")));
        await Throws<CredentialHostNotAllowedException>(() => partner.GetAsync(new Uri($"http://svc.cluster.local.attacker.example:{server.Port}/")));

        Assert.Equal(1, server.RequestCount); // only the probe
    }

    [Theory]
    [InlineData("backend.ambient.svc.cluster.local", true)]
    [InlineData("BACKEND.AMBIENT.SVC.CLUSTER.LOCAL.", true)]
    [InlineData("backend.ambient.svc", true)]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("svc.cluster.local", false)]
    [InlineData("svc", false)]
    [InlineData("evil.example.com", false)]
    [InlineData("svc.cluster.local.evil.example.com", false)]
    [InlineData("localhost.evil.example.com", false)]
    [InlineData("127.0.0.2", false)]
    public void DefaultAllowlist(string host, bool allowed)
    {
        var list = HostAllowlist.Create(CredentialClientOptions.DefaultAllowedBackendHosts);
        Assert.Equal(allowed, list.IsAllowed(new Uri($"http://{host}:8080/x")));
    }

    [Fact]
    public void UserInfoIsNeverAllowed()
    {
        var list = HostAllowlist.Create(CredentialClientOptions.DefaultAllowedBackendHosts);
        Assert.False(list.IsAllowed(new Uri("http://user:pw@localhost/")));
    }

    [Fact]
    public async Task ConfiguredAllowlistAddsHosts()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("cred"))));
        var url = new Uri($"http://credentials.internal.example:{server.Port}/");
        using var provider = BuildServices(
            url,
            o => o.BotToken = LeakCapture.NewToken("bot"),
            new Dictionary<string, string?> { ["TokenPolicy:Credentials:AllowedBackendHosts:0"] = "*.internal.example" },
            s => s.AddHttpClient<CredentialClient>().ConfigurePrimaryHttpMessageHandler(server.CreateRedirectingHandler));

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);
        Assert.True(result.IsSuccess);
        Assert.Equal("credentials.internal.example", Assert.Single(server.Requests).Host);
        Assert.Contains("localhost", provider.GetRequiredService<IOptions<CredentialClientOptions>>().Value.AllowedBackendHosts);
    }

    [Fact]
    public async Task HandlerAuthenticatesAnyClientWithCallerThenBot()
    {
        var caller = LeakCapture.NewToken("caller");
        var bot = LeakCapture.NewToken("bot");
        await using var api = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        using var provider = BuildServices(null, o => o.BotToken = bot, services: s =>
            s.AddHttpClient("api", c => c.BaseAddress = api.BaseAddress).AddCallerOrOidcAuthorization());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using (CallerTokenContext.Begin("Bearer " + caller, "dana"))
        {
            (await client.GetAsync("/with-caller")).Dispose();
        }

        (await client.GetAsync("/without-caller")).Dispose();

        var requests = api.Requests;
        Assert.Equal("Bearer " + caller, requests[0].Authorization);
        Assert.Equal("dana", requests[0].CurrentUser);
        Assert.Equal("Bearer " + bot, requests[1].Authorization);
        Assert.Null(requests[1].CurrentUser);
    }

    [Fact]
    public async Task HandlerRefreshesARefusedBotTokenOnce()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        await using var api = await LoopbackServer.StartAsync(context =>
        {
            var issued = plane.Issued;
            return LoopbackServer.Json(context, issued.Count == 2 && context.Request.Headers.Authorization.ToString() == "Bearer " + issued[1] ? 200 : 401, "{}");
        });
        using var provider = BuildServices(null, plane.Configure, services: s =>
            s.AddHttpClient("api", c => c.BaseAddress = api.BaseAddress).AddCallerOrOidcAuthorization());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        using var response = await client.GetAsync("/resource");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, plane.Exchanges);
        Assert.Equal(2, api.RequestCount);
    }

    [Fact]
    public void HandlerWithoutRegistrationExplainsWhatIsMissing()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("lonely").AddCallerOrOidcAuthorization();
        using var provider = services.BuildServiceProvider();
        var e = LeakCapture.Observe(Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("lonely")));
        Assert.Contains("AddTokenPolicyCredentials", e.Message);
    }

    [Fact]
    public async Task RegisteringTwiceKeepsOnePipeline()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 503, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"), services: s =>
            s.AddTokenPolicyCredentials(o => o.Http.MaxRetryAttempts = 1));

        // One pipeline: 1 attempt + 1 retry. Two nested pipelines would make 4 requests.
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(2, backend.RequestCount);
        Assert.Equal(1, provider.GetRequiredService<IOptions<CredentialClientOptions>>().Value.Http.MaxRetryAttempts);
    }
}
