using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

public sealed class TokenExchangeTests : LeakCheckedTest
{
    [Fact]
    public async Task ExchangeProvesTheSessionAndKeepsTheTokenInMemory()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        using var provider = BuildServices(null, plane.Configure);
        var resolver = provider.GetRequiredService<CredentialTokenResolver>();

        // Resolve() does no network I/O: nothing in memory yet, no file, no BOT_TOKEN.
        var before = LeakCapture.Observe(Assert.Throws<CredentialTokenUnavailableException>(() => resolver.Resolve()));
        Assert.Contains("no token in memory", before.Message);
        Assert.Equal(0, plane.Attempts);

        var token = await resolver.ResolveAsync();
        Assert.Equal(TokenSource.ControlPlaneOidc, token.Source);
        Assert.Equal(plane.Issued.Single(), token.Value);
        Assert.Equal(0, plane.BadProofs);
        Assert.Equal(1, plane.Exchanges);

        // Now in memory, also for the synchronous path, and it beats a BOT_TOKEN.
        Assert.Equal(token.Value, resolver.Resolve().Value);
        Assert.Equal(token.Value, (await resolver.ResolveAsync()).Value);
        Assert.Equal(1, plane.Attempts);
    }

    [Fact]
    public async Task WrongSessionIsRefusedByTheControlPlaneAndTheResolverFallsBack()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        var env = LeakCapture.NewToken("env");
        using var provider = BuildServices(null, o =>
        {
            plane.Configure(o);
            o.ControlPlane.SessionId = "another-session";
            o.BotToken = env;
        });
        var resolver = provider.GetRequiredService<CredentialTokenResolver>();

        var token = await resolver.ResolveAsync();
        Assert.Equal(env, token.Value);
        Assert.Equal(1, plane.BadProofs);
        Assert.Equal(1, plane.Attempts); // 401 is not transient: no retry
        Assert.Equal(0, plane.Exchanges);
    }

    [Fact]
    public async Task TransientFailuresAreRetriedThreeAttemptsInAllWithGrowingDelays()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        plane.FailAttempt = n => n <= 2 ? 503 : null;
        using var provider = BuildServices(null, o =>
        {
            plane.Configure(o);
            o.ControlPlane.RetryDelay = TimeSpan.FromMilliseconds(150);
        });
        var resolver = provider.GetRequiredService<CredentialTokenResolver>();

        var watch = Stopwatch.StartNew();
        var token = await resolver.ResolveAsync();
        watch.Stop();

        Assert.Equal(3, plane.Attempts);
        Assert.Equal(plane.Issued.Single(), token.Value);
        // 150 ms then 300 ms apart.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(430), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task AfterThreeFailedAttemptsTheErrorNamesTheSourcesTried()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        plane.FailAttempt = _ => 500;
        using var provider = BuildServices(null, plane.Configure);
        var resolver = provider.GetRequiredService<CredentialTokenResolver>();

        var e = await Throws<CredentialTokenUnavailableException>(() => resolver.ResolveAsync().AsTask());
        Assert.Equal(3, plane.Attempts);
        Assert.Contains("control-plane token exchange", e.Message);
        Assert.Contains("500", e.Message);
        Assert.Contains("BOT_TOKEN", e.Message);
    }

    [Fact]
    public async Task EachAttemptHasItsOwnTimeout()
    {
        var attempts = 0;
        await using var hung = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref attempts);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var plane = new ControlPlaneExchangeOptions
        {
            TokenUrl = hung.BaseAddress.ToString(),
            PublicKeyPem = TestKeys.PublicKeyPem,
            SessionId = "s1",
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        using var http = new HttpClient();
        using var exchange = new ControlPlaneTokenExchange(plane, http);

        var watch = Stopwatch.StartNew();
        var e = await Throws<OidcTokenException>(() => exchange.GetTokenAsync(null).AsTask());
        Assert.Contains("timed out", e.Message);
        Assert.Equal(3, Volatile.Read(ref attempts));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // the default would be 3 x 10 s
    }

    [Fact]
    public async Task ConcurrentRefreshesCollapseIntoOneRequest()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        plane.Delay = TimeSpan.FromMilliseconds(200);
        using var provider = BuildServices(null, plane.Configure);
        var resolver = provider.GetRequiredService<CredentialTokenResolver>();

        var first = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => resolver.ResolveAsync().AsTask())));
        Assert.Equal(1, plane.Attempts);
        Assert.All(first, t => Assert.Equal(first[0].Value, t.Value));

        // Everyone saw the first token refused: still one new exchange.
        var refreshed = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => resolver.RefreshBotTokenAsync(first[0]).AsTask())));
        Assert.Equal(2, plane.Exchanges);
        Assert.All(refreshed, t => Assert.Equal(plane.Issued[^1], t!.Value));
        Assert.NotEqual(first[0].Value, refreshed[0]!.Value);
    }

    [Fact]
    public async Task OneCallerCancellingDoesNotCancelTheSharedExchange()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        plane.Delay = TimeSpan.FromMilliseconds(300);
        using var provider = BuildServices(null, plane.Configure);
        var resolver = provider.GetRequiredService<CredentialTokenResolver>();

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var cancelled = resolver.ResolveAsync(cancel.Token).AsTask();
        var patient = resolver.ResolveAsync().AsTask();

        LeakCapture.Observe(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled));
        var token = await patient;
        Assert.Equal(plane.Issued.Single(), token.Value);
        Assert.Equal(1, plane.Attempts);
    }

    [Theory]
    [InlineData("ftp://cp.svc/token")]
    [InlineData("http://user:pw@cp.svc/token")]
    [InlineData("/relative/token")]
    public void ExchangeUrlIsValidated(string url)
    {
        var options = new ControlPlaneExchangeOptions { TokenUrl = url, PublicKeyPem = TestKeys.PublicKeyPem, SessionId = "s" };
        using var http = new HttpClient();
        var e = LeakCapture.Observe(Assert.Throws<ArgumentException>(() => new ControlPlaneTokenExchange(options, http)));
        Assert.Contains("AMBIENT_CP_TOKEN_URL", e.Message);
        Assert.DoesNotContain("pw", e.Message);
    }
}

public sealed class ClientCredentialsTests : LeakCheckedTest
{
    [Fact]
    public async Task TokenIsCachedUntilThirtySecondsBeforeExpiryWithSingleFlightRefresh()
    {
        var secret = LeakCapture.NewToken("client-secret");
        var issued = new List<string>();
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials" || form["client_id"] != "runner" || form["client_secret"] != secret)
            {
                context.Response.StatusCode = 401;
                return;
            }

            await Task.Delay(100);
            var token = LeakCapture.NewToken("cc");
            lock (issued)
            {
                issued.Add(token);
            }

            await LoopbackServer.Json(context, 200, $"{{\"access_token\":\"{token}\",\"token_type\":\"Bearer\",\"expires_in\":300}}");
        });

        var clock = new ManualTimeProvider();
        var options = new ClientCredentialsOptions { TokenUrl = new Uri(server.BaseAddress, "/oauth/token").ToString(), ClientId = "runner", ClientSecret = secret };
        using var http = new HttpClient();
        using var source = new ClientCredentialsTokenSource(options, http, clock);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => source.GetTokenAsync(null).AsTask())));
        Assert.Equal(1, requests);
        Assert.All(tokens, t => Assert.Equal(issued[0], t.Value));
        Assert.Equal(clock.GetUtcNow().AddSeconds(300), source.ExpiresAt);

        clock.Advance(TimeSpan.FromSeconds(269));
        Assert.Equal(issued[0], source.Cached?.Value);
        Assert.Equal(issued[0], (await source.GetTokenAsync(null)).Value);
        Assert.Equal(1, requests);

        clock.Advance(TimeSpan.FromSeconds(2)); // 29 s before expiry: replaced
        Assert.Null(source.Cached);
        var renewed = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => source.GetTokenAsync(null).AsTask())));
        Assert.Equal(2, requests);
        Assert.All(renewed, t => Assert.Equal(issued[1], t.Value));
    }

    [Fact]
    public async Task RefusedGrantReportsStatusWithoutSecret()
    {
        var secret = LeakCapture.NewToken("wrong-secret");
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 401, "{\"error\":\"invalid_client\"}"));
        var options = new ClientCredentialsOptions { TokenUrl = server.BaseAddress.ToString(), ClientId = "runner", ClientSecret = secret };
        using var http = new HttpClient();
        using var source = new ClientCredentialsTokenSource(options, http);

        var e = await Throws<OidcTokenException>(() => source.GetTokenAsync(null).AsTask());
        Assert.Contains("401", e.Message);
        Assert.DoesNotContain("invalid_client", e.Message);
    }

    [Fact]
    public async Task ResolverUsesTheGrantAsTheInMemoryBotToken()
    {
        var secret = LeakCapture.NewToken("cc-secret");
        var token = LeakCapture.NewToken("cc-token");
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, $"{{\"access_token\":\"{token}\",\"expires_in\":600}}"));
        using var provider = BuildServices(null, o =>
        {
            o.ClientCredentials.TokenUrl = server.BaseAddress.ToString();
            o.ClientCredentials.ClientId = "svc";
            o.ClientCredentials.ClientSecret = secret;
        });

        var resolved = await provider.GetRequiredService<ICredentialTokenResolver>().ResolveAsync();
        Assert.Equal(TokenSource.ControlPlaneOidc, resolved.Source);
        Assert.Equal(token, resolved.Value);
    }
}

internal static class TestKeys
{
    private static readonly Lazy<string> s_pem = new(() =>
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return rsa.ExportSubjectPublicKeyInfoPem();
    });

    public static string PublicKeyPem => s_pem.Value;
}
