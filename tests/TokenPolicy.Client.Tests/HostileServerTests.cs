using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary>Issue 14, defects 4, 5 and 7: hostile backends, every failure typed, logged and counted.</summary>
public sealed class HostileServerTests : LeakCheckedTest
{
    private static async Task CutBody(HttpContext context, bool reset)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 4096;
        await context.Response.WriteAsync("{\"token\":\"" + new string('a', 100));
        await context.Response.Body.FlushAsync();
        await Task.Delay(200); // the client has the headers and waits for the rest of the body
        if (reset)
        {
            context.Features.Get<IConnectionLifetimeFeature>()!.Abort();
        }
        else
        {
            context.Abort();
        }
    }

    private (ConcurrentQueue<(string Name, Dictionary<string, object?> Tags)> Measurements, MeterListener Listener) Listen(IServiceProvider provider)
    {
        var factory = provider.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string, Dictionary<string, object?>)>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CredentialMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => measurements.Enqueue((i.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        return (measurements, listener);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyCutShortOrAResetIsATypedFailureWithItsLogAndMetric(bool reset)
    {
        await using var backend = await LoopbackServer.StartAsync(context => CutBody(context, reset));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));
        var (measurements, listener) = Listen(provider);
        using (listener)
        {
            var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
            Assert.Equal("github", e.Provider);
            Assert.Equal(HttpStatusCode.OK, e.StatusCode);
            Assert.Contains("github", e.Message);
            Assert.DoesNotContain("aaaa", e.ToString());
        }

        Assert.Contains(Logs.Entries, l => l.EventId.Id == 9 && l.Text.Contains("github"));
        Assert.Contains(measurements, m => m.Name == CredentialMetrics.FailuresInstrument && (string?)m.Tags["status"] == "network_error");
        Assert.Contains(measurements, m => m.Name == CredentialMetrics.FetchesInstrument && (string?)m.Tags["outcome"] == "failure");
    }

    [Fact]
    public async Task ASlowBodyHitsTheAttemptTimeoutWithTheStatusKept()
    {
        await using var backend = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 1000;
            for (var i = 0; i < 1000 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync(" ", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(50, context.RequestAborted);
            }
        });
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(400);
        });

        var watch = Stopwatch.StartNew();
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Contains("timed out", e.Message);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task TheTotalTimeoutBoundsTheFetchOverAllAttempts()
    {
        await using var backend = await LoopbackServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.Http.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });

        var watch = Stopwatch.StartNew();
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Contains("timed out", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(1, backend.RequestCount);

        // The client stays usable: the pooled cancellation source of a timed-out fetch is not reused.
        LeakCapture.Observe(await Assert.ThrowsAsync<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github")));
        Assert.Equal(2, backend.RequestCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AHugeAnswerIsRefusedWithStatusAndLength(bool declared)
    {
        await using var backend = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            if (declared)
            {
                context.Response.ContentLength = 300L * 1024 * 1024;
            }

            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                for (var i = 0; i < 300 * 16 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
            }
        });
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var before = GC.GetTotalAllocatedBytes(precise: false);
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.True(e.ResponseLength > CredentialClient.MaxResponseBytes, $"length {e.ResponseLength}");
        Assert.Contains(e.ResponseLength!.Value.ToString(CultureInfo.InvariantCulture), e.Message);
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 64L * 1024 * 1024, "read far more than the limit");
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("253402300800")]
    [InlineData("-99999999999999")]
    [InlineData("\"+999999-01-01T00:00:00Z\"")]
    [InlineData("9223372036854775807")]
    public async Task AHostileExpiresAtKeepsTheCredential(string expiresAt)
    {
        var credential = LeakCapture.NewToken("keep");
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", credential, ",\"expiresAt\":" + expiresAt)));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github");
        Assert.Equal(credential, result.Credential!.Token);
        Assert.Null(result.Credential.ExpiresAt);
    }

    [Theory]
    [InlineData("\"   \"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public async Task AWhitespaceOnlyTokenIsNoSuccess(string token)
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{\"credential_id\":\"cred-1\",\"token\":" + token + "}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Contains("no usable token", e.Message);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task ALongRetryAfterEndsTheFetchWithItsStatusInsteadOfWaiting(int status)
    {
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "60";
            return LoopbackServer.Json(context, status, "{\"busy\":true}");
        });
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var watch = Stopwatch.StartNew();
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Equal(status, (int)e.StatusCode!.Value);
        Assert.Equal("{\"busy\":true}".Length, e.ResponseLength);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task AShortRetryAfterIsWaitedFor()
    {
        var credential = LeakCapture.NewToken("after-wait");
        var count = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return LoopbackServer.Json(context, 429, "{}");
            }

            return LoopbackServer.Json(context, 200, CredentialJson("github", credential));
        });
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var watch = Stopwatch.StartNew();
        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github");
        Assert.Equal(credential, result.Credential!.Token);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ProviderNamesAreBoundedAndValidatedLikeIds()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));
        var client = provider.GetRequiredService<CredentialClient>();
        foreach (var name in new[] { new string('a', 65), "git hub", "../x", "github\r\nX: y", "", "  " })
        {
            var e = LeakCapture.Observe(await Assert.ThrowsAsync<ArgumentException>(() => client.GetAsync(name)));
            if (name.Trim().Length > 0)
            {
                Assert.DoesNotContain(name, e.Message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(CredentialResultStatus.NotConfigured, (await client.GetAsync(new string('a', 64))).Status);
        Assert.Equal(0, backend.RequestCount);

        var settings = CredentialSettings.Parse(new CredentialClientOptions { CredentialIdsJson = "{\"" + new string('p', 100) + "\": \"cred-1\"}" });
        Assert.Contains(settings.ErrorTexts, t => t.Contains("provider name") && !t.Contains(new string('p', 100)));
    }

    [Fact]
    public async Task DuplicateProvidersAreRejectedAtStartUp()
    {
        var settings = CredentialSettings.Parse(new CredentialClientOptions { CredentialIdsJson = "{\"github\": \"cred-1\", \"GitHub\": \"cred-2\"}" });
        Assert.Contains(settings.ErrorTexts, t => t.Contains("CREDENTIAL_IDS") && t.Contains("more than once"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AThousandRefusedFetchesMakeOneExchangePerRefusalEpisode()
    {
        // The control plane re-issues the same token; the backend refuses it. 1 exchange for the first token, 1 for the
        // refusal episode (it used to be 4 to 46 depending on timing).
        await using var plane = await FakeControlPlane.StartAsync();
        plane.FixedToken = LeakCapture.NewToken("same");
        plane.Delay = TimeSpan.FromMilliseconds(50);
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 401, "{}"));
        using var provider = BuildServices(
            backend.BaseAddress,
            o =>
            {
                plane.Configure(o);
                o.Http.AttemptTimeout = TimeSpan.FromSeconds(30);
            },
            services: s => s.AddHttpClient<CredentialClient>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 64 }));
        var client = provider.GetRequiredService<CredentialClient>();

        var failures = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(async () =>
        {
            try
            {
                await client.GetAsync("github");
                return null;
            }
            catch (CredentialAuthenticationException e)
            {
                return e;
            }
        })));

        Assert.All(failures, f => Assert.Equal(HttpStatusCode.Unauthorized, f!.StatusCode));
        Assert.Equal(2, plane.Exchanges);
        Assert.Equal(1000, backend.RequestCount); // the same token again is not re-sent
        LeakCapture.Observe(failures[0]!);
    }

    [Fact]
    public async Task ACallerHeaderWithAnInvalidFirstWordIsATypedErrorWithoutTheToken()
    {
        var secret = LeakCapture.NewToken("caller");
        var header = secret[..10] + "{" + secret[10..] + " more";
        var begin = LeakCapture.Observe(Assert.Throws<ArgumentException>(() => CallerTokenContext.Begin(header, "u1")));
        Assert.DoesNotContain(secret[..10], begin.Message);

        // Through an accessor that does not validate (an application's own): typed, nothing sent, never the bot token.
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("x"))));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"), services: s =>
            s.AddSingleton<ICallerTokenAccessor>(new FixedCaller(header)));
        var e = await Throws<CredentialTokenUnavailableException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Contains("caller token: malformed", e.Message);
        Assert.Equal(0, backend.RequestCount);
    }

    [Theory]
    [InlineData("\r\nX-Injected: 1")]
    [InlineData("\n")]
    [InlineData("\u00e9")]
    [InlineData("\u0000")]
    public async Task InvalidCharactersInACallerTokenAreTypedErrors(string bad)
    {
        var secret = LeakCapture.NewToken("caller");
        var header = "Bearer " + secret[..8] + bad + secret[8..];
        LeakCapture.Observe(Assert.Throws<ArgumentException>(() => CallerTokenContext.Begin(header)));
        LeakCapture.Observe(Assert.Throws<ArgumentException>(() => new ResolvedToken(TokenSource.Caller, "Bearer", secret + bad)));

        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        using var provider = BuildServices(null, o => o.BotToken = LeakCapture.NewToken("bot"), services: s =>
        {
            s.AddSingleton<ICallerTokenAccessor>(new FixedCaller(header));
            s.AddHttpClient("api", c => c.BaseAddress = backend.BaseAddress).AddCallerOrOidcAuthorization();
        });
        await Throws<CredentialTokenUnavailableException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("/x"));
        Assert.Equal(0, backend.RequestCount);
    }

    private sealed class FixedCaller(string header) : ICallerTokenAccessor
    {
        private readonly CallerToken _caller = new(header, "u1");

        public CallerToken? Current => _caller;
    }
}
