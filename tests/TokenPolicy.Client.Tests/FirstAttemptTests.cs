using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary>
/// A fetch's first attempt runs before Polly's retry pipeline is entered: a 2xx answer is final, every other outcome
/// enters the retry as its attempt 0. The retry must count, wait and decide exactly as when it made that attempt itself,
/// every answer must be disposed, and no first outcome may reach another fetch.
/// </summary>
public sealed class FirstAttemptTests : LeakCheckedTest
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task TheRetryCountsTheFirstAttemptAsItsOwn(int retries)
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 503, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.MaxRetryAttempts = retries;
        });

        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(retries + 1, backend.RequestCount);
    }

    [Theory]
    [InlineData("200", 0)]
    [InlineData("404", 0)]
    [InlineData("503 200", 1)]
    [InlineData("500 503 200", 2)]
    [InlineData("503 503 503", 2)]
    public async Task EveryAnswerReceivedIsDisposed(string script, int retries)
    {
        var statuses = script.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var credential = LeakCapture.NewToken("ghp");
        var count = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            var status = statuses[Math.Min(Interlocked.Increment(ref count), statuses.Length) - 1];
            return LoopbackServer.Json(context, status, status == 200 ? CredentialJson("github", credential) : "{}");
        });
        var received = new List<HttpResponseMessage>();
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.MaxRetryAttempts = retries;
        }, services: s => s.AddHttpClient<CredentialClient>().AddHttpMessageHandler(() => new KeepingHandler(received)));

        try
        {
            var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);
            Assert.Equal(statuses[^1] == 200 ? CredentialResultStatus.Success : CredentialResultStatus.NotFound, result.Status);
        }
        catch (CredentialFetchException e)
        {
            LeakCapture.Observe(e);
            Assert.Equal(statuses[^1], (int)e.StatusCode!.Value);
        }

        Assert.Equal(statuses.Length, backend.RequestCount);
        Assert.Equal(statuses.Length, received.Count);
        Assert.All(received, response => Assert.Throws<ObjectDisposedException>(() => response.Content.ReadAsStream()));
    }

    [Fact]
    public async Task CancelledWhileTheRetryWaitsAfterTheFirstAttempt()
    {
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.RetryAfter = "3";
            return LoopbackServer.Json(context, 503, "{}");
        });
        var received = new List<HttpResponseMessage>();
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"), services: s =>
            s.AddHttpClient<CredentialClient>().AddHttpMessageHandler(() => new KeepingHandler(received)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        LeakCapture.Observe(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", cancel.Token)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}"); // not the 3 s Retry-After
        Assert.Equal(1, backend.RequestCount);
        var response = Assert.Single(received);
        Assert.Throws<ObjectDisposedException>(() => response.Content.ReadAsStream());
    }

    [Fact]
    public async Task AFirstOutcomeThePipelineNeverTookIsDisposedAndNotSentAgain()
    {
        // The fetch was cancelled between its first attempt (a 503) and the retry: nothing is sent again, the caller
        // gets the cancellation, and the 503 is disposed rather than dropped.
        var inner = new CountingHandler();
        var http = new CredentialClientOptions().Http;
        using var handler = new ResiliencePipelineHandler(
            TokenPolicyCredentialsServiceCollectionExtensions.BuildPipeline(http, TimeProvider.System), http.AttemptTimeout, http.TotalTimeout, TimeProvider.System, totalCanFire: false)
        {
            InnerHandler = inner,
        };
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        var first = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new ByteArrayContent(new byte[3]) };

        var execution = handler.Begin(cancelled.Token);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            Assert.False(ResiliencePipelineHandler.IsSettled(Outcome.FromResult(first)));
            outcome = await handler.RetryAsync(execution, request, Outcome.FromResult(first));
        }
        finally
        {
            handler.End(execution);
        }

        LeakCapture.Observe(Assert.IsAssignableFrom<OperationCanceledException>(outcome.Exception));
        Assert.Equal(0, inner.Calls);
        Assert.Throws<ObjectDisposedException>(() => first.Content.ReadAsStream());
    }

    [Fact]
    public async Task ConcurrentFetchesWithRetriedFirstAttemptsEachGetTheirOwnAnswer()
    {
        // Every other request is answered 503 first: fetches in flight mix settled first attempts with retried ones,
        // and each must end with the answer to its own id (the server echoes the id it was asked for).
        var tokens = Enumerable.Range(0, 8).Select(i => LeakCapture.NewToken("ghp" + i)).ToArray();
        var count = 0;
        var refused = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref count) % 2 == 0)
            {
                Interlocked.Increment(ref refused);
                return LoopbackServer.Json(context, 503, "{}");
            }

            var id = context.Request.Path.Value!.Split('/')[^2];
            return LoopbackServer.Json(context, 200, CredentialJson("p", tokens[int.Parse(id.AsSpan(4), CultureInfo.InvariantCulture)]));
        });
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.MaxRetryAttempts = 10;
            for (var i = 0; i < tokens.Length; i++)
            {
                o.CredentialIds["p" + i] = "cred" + i;
            }
        });
        var client = provider.GetRequiredService<CredentialClient>();

        await AssertEachFetchGetsItsOwnTokenAsync(client, tokens, 200);
        Assert.Equal(200 + Volatile.Read(ref refused), backend.RequestCount);
        Assert.True(Volatile.Read(ref refused) >= 50, $"only {refused} answers were 503");
    }

    /// <summary>Keeps every response it passes up (to check afterwards that each was disposed).</summary>
    private sealed class KeepingHandler : DelegatingHandler
    {
        private readonly List<HttpResponseMessage> _received;

        public KeepingHandler(List<HttpResponseMessage> received) => _received = received;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (_received)
            {
                _received.Add(response);
            }

            return response;
        }
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
