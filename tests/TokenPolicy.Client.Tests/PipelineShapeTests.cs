using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary>
/// The fetch path runs the resilience handler's steps from <see cref="CredentialClient"/> and calls the authorization
/// handler straight from the pipeline (no forwarding async layers): handlers an application adds around it must still
/// see what they saw when every request went through the whole chain.
/// </summary>
public sealed class PipelineShapeTests : LeakCheckedTest
{
    [Fact]
    public async Task AHandlerAddedBelowTheAuthorizationSeesEveryAttemptWithItsToken()
    {
        var bot = LeakCapture.NewToken("bot");
        var credential = LeakCapture.NewToken("ghp");
        var calls = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref calls) == 1
                ? LoopbackServer.Json(context, 503, "{}")
                : LoopbackServer.Json(context, 200, CredentialJson("github", credential)));
        var seen = new List<string?>();
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = bot, services: s =>
            s.AddHttpClient<CredentialClient>().AddHttpMessageHandler(() => new RecordingHandler(seen)));

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(credential, result.Credential.Token);
        Assert.Equal(2, backend.RequestCount);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, authorization => Assert.Equal("Bearer " + bot, authorization));

        // The retried request carries the token once (set on the first send, replaced on the second).
        Assert.All(backend.Requests, request => Assert.Equal("Bearer " + bot, request.Authorization));
    }

    [Fact]
    public async Task AHandlerInFrontOfThePipelineIsNotBypassed()
    {
        var bot = LeakCapture.NewToken("bot");
        var credential = LeakCapture.NewToken("ghp");
        var calls = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref calls) == 1
                ? LoopbackServer.Json(context, 503, "{}")
                : LoopbackServer.Json(context, 200, CredentialJson("github", credential)));
        var seen = new List<string?>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));

        // Registered before AddTokenPolicyCredentials: this handler sits above the resilience handler.
        services.AddHttpClient<CredentialClient>().AddHttpMessageHandler(() => new RecordingHandler(seen));
        services.AddTokenPolicyCredentials(new ConfigurationBuilder().Build(), o =>
        {
            o.BackendApiUrl = backend.BaseAddress.ToString();
            o.BotToken = bot;
            o.BotTokenFilePath = Path.Combine(Path.GetTempPath(), "tokenpolicy-tests-missing", Guid.NewGuid().ToString("N"));
            o.ControlPlane.TokenUrl = null;
            o.ClientCredentials.TokenUrl = null;
            o.ProjectName = null;
            o.SessionNamespace = null;
            o.Http.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.CredentialIds["github"] = "cred-1";
        });
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(credential, result.Credential.Token);

        // One fetch passes the outer handler once (without a token yet); the retry happens below it.
        Assert.Equal(2, backend.RequestCount);
        Assert.Equal(new string?[] { null }, seen);
    }

    [Fact]
    public async Task AFailureInsideAnAttemptIsStillTypedWithItsMetric()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));

        // No token source at all: the authorization handler's attempt fails (returned to Polly as an outcome, not
        // thrown); the caller still gets the documented exception and the failure metric, and nothing is sent.
        using var provider = BuildServices(backend.BaseAddress);
        var noToken = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CredentialMetrics.MeterName && instrument.Name == CredentialMetrics.FailuresInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "status" && (string?)tag.Value == "no_token")
                {
                    Interlocked.Increment(ref noToken);
                }
            }
        });
        listener.Start();

        var e = await Throws<CredentialTokenUnavailableException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Contains("BOT_TOKEN", e.Message);
        Assert.Equal(0, backend.RequestCount);
        Assert.True(Volatile.Read(ref noToken) >= 1);
    }

    [Fact]
    public async Task AnEscapedFieldNameIsStillRead()
    {
        var credential = LeakCapture.NewToken("ghp");
        await using var backend = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Json(context, 200, $"{{\"\\u0074oken\":\"{credential}\",\"user\\u004eame\":\"octo\"}}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(credential, result.Credential.Token);
        Assert.Equal("octo", result.Credential.UserName);
        Assert.Empty(result.Credential.AdditionalFields);
    }

    [Fact]
    public async Task ANameThatOnlyStartsLikeAKnownFieldIsAnAdditionalField()
    {
        var credential = LeakCapture.NewToken("ghp");
        await using var backend = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Json(context, 200, $"{{\"token\":\"{credential}\",\"tokens\":3,\"emai\":\"x\"}}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(credential, result.Credential.Token);
        Assert.Null(result.Credential.Email);
        Assert.Equal(3, result.Credential.AdditionalFields["tokens"].GetInt32());
        Assert.Equal("x", result.Credential.AdditionalFields["emai"].GetString());
    }

    [Fact]
    public async Task ManyFetchesInFlightEachGetTheirOwnAnswer()
    {
        // The pooled total-timeout sources and contexts are shared by concurrent fetches: each fetch must still get
        // its own answer (the server echoes the credential id it was asked for).
        var bot = LeakCapture.NewToken("bot");
        var tokens = Enumerable.Range(0, 8).Select(i => LeakCapture.NewToken("ghp" + i)).ToArray();
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            var id = context.Request.Path.Value!.Split('/')[^2];
            return LoopbackServer.Json(context, 200, CredentialJson("p", tokens[int.Parse(id.AsSpan(4), CultureInfo.InvariantCulture)]));
        });
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = bot;
            for (var i = 0; i < tokens.Length; i++)
            {
                o.CredentialIds["p" + i] = "cred" + i;
            }
        });
        var client = provider.GetRequiredService<CredentialClient>();

        await AssertEachFetchGetsItsOwnTokenAsync(client, tokens, 200);
        Assert.Equal(200, backend.RequestCount);
    }

    /// <summary>Records the Authorization header of each request it passes on (in memory only, never logged).</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly List<string?> _seen;

        public RecordingHandler(List<string?> seen) => _seen = seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                _seen.Add(request.Headers.Authorization?.ToString());
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed class TotalTimeoutBoundTests : LeakCheckedTest
{
    [Fact]
    public void WithTheDefaultsTheAttemptsAndWaitsStayUnderTheTotal()
    {
        var http = new CredentialClientOptions().Http;

        // 4 attempts of 10 s and 3 waits of at most 5 s (a Retry-After up to 5 s; the backoff capped at 2 x 0.5 s x 4).
        Assert.Equal(TimeSpan.FromSeconds(5), Microsoft.Extensions.DependencyInjection.TokenPolicyCredentialsServiceCollectionExtensions.MaxBackoff(http));
        Assert.False(Microsoft.Extensions.DependencyInjection.TokenPolicyCredentialsServiceCollectionExtensions.TotalTimeoutCanFire(http));
    }

    [Theory]
    [InlineData(10_000, 3, 500, 5_000, 55_500, true)] // a second of margin is kept
    [InlineData(10_000, 3, 500, 5_000, 56_000, false)]
    [InlineData(20_000, 3, 10, 0, 300, true)]
    [InlineData(1_000, 0, 500, 5_000, 1_000, true)]
    [InlineData(1_000, 0, 500, 5_000, 2_000, false)]
    [InlineData(1_000, 4, 10_000, 0, 200_000, true)] // backoff up to 2 x 10 s x 8 = 160 s per wait
    public void TheTotalCanFireWhenAttemptsAndWaitsCanReachIt(int attemptMs, int retries, int baseMs, int retryAfterMs, int totalMs, bool canFire)
    {
        var http = new CredentialHttpOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(attemptMs),
            MaxRetryAttempts = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(baseMs),
            MaxRetryAfter = TimeSpan.FromMilliseconds(retryAfterMs),
            TotalTimeout = TimeSpan.FromMilliseconds(totalMs),
        };

        Assert.Equal(canFire, Microsoft.Extensions.DependencyInjection.TokenPolicyCredentialsServiceCollectionExtensions.TotalTimeoutCanFire(http));
    }

    [Fact]
    public async Task WithoutATotalTimerEveryAttemptIsStillBoundedAndRetried()
    {
        await using var backend = await LoopbackServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));

        // Attempts are counted where they are sent (a handler below the authorization): on a loaded machine a 200 ms
        // attempt can end before the server has accepted its connection.
        var sent = new List<string?>();
        using var provider = BuildServices(
            backend.BaseAddress,
            o =>
            {
                o.BotToken = LeakCapture.NewToken("bot");
                o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(200);
                o.Http.MaxRetryAttempts = 2;
                o.Http.TotalTimeout = TimeSpan.FromSeconds(30);
                Assert.False(Microsoft.Extensions.DependencyInjection.TokenPolicyCredentialsServiceCollectionExtensions.TotalTimeoutCanFire(o.Http));
            },
            services: s => s.AddHttpClient<CredentialClient>().AddHttpMessageHandler(() => new CountingHandler(sent)));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Contains("timed out", e.Message);
        Assert.Equal(3, sent.Count);
        Assert.True(backend.RequestCount <= 3);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");

        // The caller's own cancellation still ends a fetch at once, and no attempt follows it.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        watch.Restart();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        int afterCancel;
        lock (sent)
        {
            afterCancel = sent.Count;
        }

        await Task.Delay(400);
        Assert.Equal(afterCancel, sent.Count);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private readonly List<string?> _sent;

        public CountingHandler(List<string?> sent) => _sent = sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add(request.RequestUri?.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
