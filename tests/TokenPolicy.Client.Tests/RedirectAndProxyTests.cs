using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary>Issue 14, defect 1: no token (or user header) reaches a host off the allowlist through a redirect.</summary>
public sealed class RedirectTests : LeakCheckedTest
{
    public static TheoryData<int> RedirectStatuses => new() { 301, 302, 303, 307, 308 };

    private static Task Redirect(HttpContext context, int status, Uri to)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = to.ToString();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task HandlerNeverFollowsARedirectNorResendsARefreshedTokenToItsTarget(int status)
    {
        // The case: an allowed host redirects to another host, which answers 401; the handler used to refresh
        // the bot token and re-send the request, now pointing at the redirect target, with the new token.
        await using var plane = await FakeControlPlane.StartAsync();
        await using var collector = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 401, "{}"));
        var target = new Uri($"http://collector.attacker.example:{collector.Port}/steal");
        await using var api = await LoopbackServer.StartAsync(context => Redirect(context, status, target));
        var hosts = new Dictionary<string, LoopbackServer> { ["collector.attacker.example"] = collector };
        using var provider = BuildServices(null, plane.Configure, services: s =>
            s.AddHttpClient("api", c => c.BaseAddress = api.BaseAddress)
                .AddCallerOrOidcAuthorization()
                .ConfigurePrimaryHttpMessageHandler(() => LoopbackServer.CreateNameMappingHandler(hosts)));
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        HttpResponseMessage response;
        using (CallerTokenContext.Begin("Bearer " + LeakCapture.NewToken("redirect-caller"), "user-1"))
        {
            response = await client.GetAsync("/resource");
        }

        using (response)
        {
            Assert.Equal(status, (int)response.StatusCode); // the redirect is the answer
        }

        using var botResponse = await client.GetAsync("/resource");
        Assert.Equal(status, (int)botResponse.StatusCode);
        Assert.Equal(0, collector.RequestCount);
        Assert.Equal(2, api.RequestCount);
        Assert.Equal(1, plane.Exchanges); // a redirect is no refusal: no refresh
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task CredentialClientFromDependencyInjectionDoesNotFollowRedirects(int status)
    {
        await using var collector = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("fake"))));
        await using var backend = await LoopbackServer.StartAsync(context => Redirect(context, status, collector.BaseAddress));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        using (CallerTokenContext.Begin("Bearer " + LeakCapture.NewToken("caller"), "user-1"))
        {
            var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
            Assert.Equal(status, (int)e.StatusCode!.Value);
        }

        Assert.Equal(0, collector.RequestCount);
    }

    [Theory]
    [MemberData(nameof(RedirectStatuses))]
    public async Task CredentialClientAroundANewHttpClientDoesNotFollowRedirects(int status)
    {
        // new HttpClient() follows redirects by default: the client switches that off before its first request.
        await using var collector = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("fake"))));
        await using var backend = await LoopbackServer.StartAsync(context => Redirect(context, status, collector.BaseAddress));
        var options = new CredentialClientOptions { BackendApiUrl = backend.BaseAddress.ToString(), BotToken = LeakCapture.NewToken("bot"), BotTokenFilePath = "/nonexistent/bot-token" };
        options.CredentialIds["github"] = "cred-1";
        using var http = new HttpClient();
        var client = new CredentialClient(http, new CredentialTokenResolver(null, options), Options.Create(options));

        using (CallerTokenContext.Begin("Bearer " + LeakCapture.NewToken("caller"), "user-1"))
        {
            var e = await Throws<CredentialFetchException>(() => client.GetAsync("github"));
            Assert.Equal(status, (int)e.StatusCode!.Value);
        }

        Assert.Equal(0, collector.RequestCount);
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task AClientThatAlreadySentRequestsCannotBeSwitchedAndIsRefused()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        using var http = new HttpClient();
        (await http.GetAsync(backend.BaseAddress)).Dispose();
        var options = new CredentialClientOptions { BackendApiUrl = backend.BaseAddress.ToString(), BotToken = LeakCapture.NewToken("bot"), BotTokenFilePath = "/nonexistent/bot-token" };
        var e = LeakCapture.Observe(Assert.Throws<ArgumentException>(() => new CredentialClient(http, new CredentialTokenResolver(null, options), Options.Create(options))));
        Assert.Contains("AllowAutoRedirect", e.Message);
    }

    [Fact]
    public async Task AnUnknownTransportThatFollowsARedirectHasItsAnswerRefused()
    {
        // A handler the library cannot configure (not SocketsHttpHandler/HttpClientHandler) that follows redirects.
        await using var collector = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("fake"))));
        await using var backend = await LoopbackServer.StartAsync(context => Redirect(context, 302, collector.BaseAddress));
        var options = new CredentialClientOptions { BackendApiUrl = backend.BaseAddress.ToString(), BotToken = LeakCapture.NewToken("bot"), BotTokenFilePath = "/nonexistent/bot-token" };
        options.CredentialIds["github"] = "cred-1";
        using var http = new HttpClient(new OpaqueHandler(new SocketsHttpHandler { AllowAutoRedirect = true }));
        var client = new CredentialClient(http, new CredentialTokenResolver(null, options), Options.Create(options));

        var e = await Throws<CredentialHostNotAllowedException>(() => client.GetAsync("github"));
        Assert.Contains("redirect", e.Message);
    }

    /// <summary>Wraps a handler so that its type is not one the library knows.</summary>
    private sealed class OpaqueHandler(HttpMessageHandler inner) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(inner);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _inner.SendAsync(request, cancellationToken);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment (proxy variables)";
}

/// <summary>Issue 14, defect 2: proxy variables do not route tokens around the allowlist.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ProxyTests : LeakCheckedTest
{
    /// <summary>
    /// Sets the proxy variables in-process, and HttpClient's process-wide default proxy to what they stand for (the
    /// runtime reads the variables once per process, so a test cannot rely on a re-read).
    /// </summary>
    private static IDisposable ProxyEnvironment(Uri proxy)
    {
        var names = new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy", "NO_PROXY", "no_proxy" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        foreach (var n in names)
        {
            Environment.SetEnvironmentVariable(n, n.StartsWith("NO", StringComparison.OrdinalIgnoreCase) ? null : proxy.ToString());
        }

        var previous = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new WebProxy(proxy) { BypassProxyOnLocal = false };
        Assert.False(HttpClient.DefaultProxy.IsBypassed(new Uri("http://backend.ambient.svc:1/"))); // the environment's proxy is in force
        return new Restore(() =>
        {
            foreach (var (n, v) in saved)
            {
                Environment.SetEnvironmentVariable(n, v);
            }

            HttpClient.DefaultProxy = previous;
        });
    }

    [Fact]
    public async Task EnvironmentProxyIsNotUsedByTheCredentialClientNorTheHandlerNorTheExchange()
    {
        await using var proxy = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("via-proxy"))));
        await using var plane = await FakeControlPlane.StartAsync();
        var credential = LeakCapture.NewToken("direct");
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", credential)));
        using var environment = ProxyEnvironment(proxy.BaseAddress);

        // Loopback is never proxied by the environment's proxy: the backend is reached by a cluster name instead,
        // mapped to the loopback server by handlers as an application would configure them (default proxy on).
        var hosts = new Dictionary<string, LoopbackServer> { ["backend.ambient.svc"] = backend, ["cp.ambient.svc"] = plane.Server };
        var backendUrl = new Uri($"http://backend.ambient.svc:{backend.Port}/");
        using var provider = BuildServices(
            backendUrl,
            o =>
            {
                plane.Configure(o);
                o.ControlPlane.TokenUrl = $"http://cp.ambient.svc:{plane.Server.Port}/token";
            },
            services: s =>
            {
                s.AddHttpClient("api", c => c.BaseAddress = backendUrl).AddCallerOrOidcAuthorization()
                    .ConfigurePrimaryHttpMessageHandler(() => LoopbackServer.CreateNameMappingHandler(hosts));
                s.AddHttpClient<CredentialClient>().ConfigurePrimaryHttpMessageHandler(() => LoopbackServer.CreateNameMappingHandler(hosts));
                s.AddHttpClient(TokenPolicyCredentialsServiceCollectionExtensions.TokenEndpointHttpClientName).ConfigurePrimaryHttpMessageHandler(() => LoopbackServer.CreateNameMappingHandler(hosts));
            });
        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github");
        Assert.Equal(credential, result.Credential!.Token);
        (await provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("/other")).Dispose();

        Assert.Equal(0, proxy.RequestCount);
        Assert.Equal(2, backend.RequestCount);
        Assert.Equal(1, plane.Exchanges);
    }

    [Fact]
    public async Task EnvironmentProxyIsNotUsedByAClientBuiltByHand()
    {
        await using var proxy = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("direct"))));
        using var environment = ProxyEnvironment(proxy.BaseAddress);
        var options = new CredentialClientOptions { BackendApiUrl = $"http://backend.ambient.svc:{backend.Port}/", BotToken = LeakCapture.NewToken("bot"), BotTokenFilePath = "/nonexistent/bot-token" };
        options.CredentialIds["github"] = "cred-1";
        using var http = new HttpClient(LoopbackServer.CreateNameMappingHandler(new Dictionary<string, LoopbackServer> { ["backend.ambient.svc"] = backend }));

        var result = await new CredentialClient(http, new CredentialTokenResolver(null, options), Options.Create(options)).GetAsync("github");
        Assert.True(result.IsSuccess);
        Assert.Equal(0, proxy.RequestCount);
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task AnExplicitProxyOutsideTheAllowlistIsRefusedForTokens()
    {
        await using var proxy = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        await using var api = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        var hosts = new Dictionary<string, LoopbackServer> { ["proxy.attacker.example"] = proxy };

        // Set on the application's own handler: kept, and checked for every request.
        using var provider = BuildServices(null, o => o.BotToken = LeakCapture.NewToken("bot"), services: s =>
            s.AddHttpClient("api", c => c.BaseAddress = api.BaseAddress)
                .AddCallerOrOidcAuthorization()
                .ConfigurePrimaryHttpMessageHandler(() =>
                {
                    var handler = LoopbackServer.CreateNameMappingHandler(hosts);
                    handler.Proxy = new WebProxy($"http://proxy.attacker.example:{proxy.Port}") { BypassProxyOnLocal = false };
                    handler.UseProxy = true;
                    return handler;
                }));
        var e = await Throws<CredentialHostNotAllowedException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("/x"));
        Assert.Equal("proxy.attacker.example", e.Host);
        Assert.Equal(0, proxy.RequestCount);
        Assert.Equal(0, api.RequestCount);

        // Configured through the options: refused at start-up.
        var invalid = CredentialSettings.Parse(new CredentialClientOptions { Http = { ProxyUrl = "http://proxy.attacker.example:3128/" } });
        Assert.Contains(invalid.ErrorTexts, t => t.Contains("ProxyUrl") && t.Contains("proxy.attacker.example"));
    }

    [Fact]
    public async Task AnExplicitAllowedProxyIsUsed()
    {
        var credential = LeakCapture.NewToken("proxied");
        await using var proxy = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", credential)));
        using var provider = BuildServices(new Uri("http://backend.ambient.svc:8080/"), o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.ProxyUrl = proxy.BaseAddress.ToString();
        });

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github");
        Assert.Equal(credential, result.Credential!.Token);
        Assert.Equal("backend.ambient.svc", Assert.Single(proxy.Requests).Host);
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
