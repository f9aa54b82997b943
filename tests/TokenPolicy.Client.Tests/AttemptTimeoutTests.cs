using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary>
/// The fetch pipeline's attempt timeout (armed by the attempt itself, not by Polly's timeout strategy): a timed-out
/// attempt is retried and then fails typed, the caller's cancellation is never a timeout, the body read is bounded,
/// and no cancellation source carries over from one attempt or fetch to the next.
/// </summary>
public sealed class AttemptTimeoutTests : LeakCheckedTest
{
    private static Task Hang(HttpContext context) => Task.Delay(Timeout.Infinite, context.RequestAborted);

    private static async Task SlowBody(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 1000;
        await context.Response.Body.FlushAsync(context.RequestAborted);
        for (var i = 0; i < 1000 && !context.RequestAborted.IsCancellationRequested; i++)
        {
            await context.Response.WriteAsync(" ", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(50, context.RequestAborted);
        }
    }

    [Fact]
    public async Task ATimedOutAttemptIsRetriedAndTheFetchThenFailsTypedWithTheTimeout()
    {
        await using var backend = await LoopbackServer.StartAsync(Hang);
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(250);
            o.Http.MaxRetryAttempts = 2;
        });

        var watch = Stopwatch.StartNew();
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Contains("timed out", e.Message);
        Assert.Null(e.StatusCode);
        Assert.Equal("github", e.Provider);
        var timeout = Assert.IsType<TimeoutRejectedException>(e.InnerException);
        Assert.Equal(TimeSpan.FromMilliseconds(250), timeout.Timeout);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(700), $"took {watch.Elapsed}"); // three attempts of 250 ms
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        await Eventually(() => backend.RequestCount == 3, () => $"requests: {backend.RequestCount}");
        Assert.Contains(Logs.Entries, l => l.EventId.Id == 9 && l.Text.Contains("timed out"));
    }

    [Fact]
    public async Task AnAttemptAfterATimedOutOneRunsOnAFreshSourceAndSucceeds()
    {
        var credential = LeakCapture.NewToken("second-attempt");
        var count = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref count) == 1 ? Hang(context) : LoopbackServer.Json(context, 200, CredentialJson("github", credential)));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Http.MaxRetryAttempts = 1;
        });

        var watch = Stopwatch.StartNew();
        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);
        Assert.Equal(credential, result.Credential!.Token);
        Assert.Equal(2, backend.RequestCount);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(0)] // the attempt's own outcome reaches the caller
    [InlineData(3)]
    public async Task TheCallersCancellationIsNotReportedAsATimeout(int retries)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            started.TrySetResult();
            return Hang(context);
        });
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.Http.MaxRetryAttempts = retries;
        });
        using var cancel = new CancellationTokenSource();

        var fetch = provider.GetRequiredService<CredentialClient>().GetAsync("github", cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        cancel.Cancel();
        LeakCapture.Observe(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch));
        Assert.DoesNotContain(Logs.Entries, l => l.Text.Contains("timed out"));

        // Not retried either: a cancelled fetch sends nothing more.
        await Task.Delay(300);
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task TheCallersCancellationDuringTheBodyIsNotATimeoutEither()
    {
        await using var backend = await LoopbackServer.StartAsync(SlowBody);
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.Http.MaxRetryAttempts = 0;
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));

        var watch = Stopwatch.StartNew();
        LeakCapture.Observe(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", cancel.Token)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.DoesNotContain(Logs.Entries, l => l.Text.Contains("timed out"));
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task ASlowBodyIsBoundedByEachAttemptsTimeout()
    {
        await using var backend = await LoopbackServer.StartAsync(SlowBody);
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Http.MaxRetryAttempts = 1;

            // No total timer (it could not fire first): only the attempt timeout can end this fetch.
            Assert.False(Microsoft.Extensions.DependencyInjection.TokenPolicyCredentialsServiceCollectionExtensions.TotalTimeoutCanFire(o.Http));
        });

        var watch = Stopwatch.StartNew();
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Contains("timed out reading the answer", e.Message);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.IsType<TimeoutRejectedException>(e.InnerException);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(550), $"took {watch.Elapsed}"); // two attempts of 300 ms
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // the body alone takes 50 s
        await Eventually(() => backend.RequestCount == 2, () => $"requests: {backend.RequestCount}, fetch took {watch.Elapsed}, {e.Message}");
    }

    [Fact]
    public async Task ARetryThatGetsNoAnswerDoesNotReportTheStatusOfTheAttemptBeforeIt()
    {
        // The first attempt gets a status and a body that never ends; the retry gets nothing at all.
        var count = 0;
        await using var backend = await LoopbackServer.StartAsync(context => Interlocked.Increment(ref count) == 1 ? SlowBody(context) : Hang(context));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Http.MaxRetryAttempts = 1;
        });

        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
        Assert.Equal("Fetching the 'github' credential timed out.", e.Message);
        Assert.Null(e.StatusCode);
        Assert.IsType<TimeoutRejectedException>(e.InnerException);
        await Eventually(() => backend.RequestCount == 2, () => $"requests: {backend.RequestCount}");
    }

    [Fact]
    public async Task NoSourceCarriesOverToTheNextFetch()
    {
        var credential = LeakCapture.NewToken("after-timeout");
        var hang = 1;
        var slow = 0;
        await using var backend = await LoopbackServer.StartAsync(async context =>
        {
            if (Volatile.Read(ref hang) == 1)
            {
                await Hang(context);
                return;
            }

            if (Volatile.Read(ref slow) == 1)
            {
                await Task.Delay(200);
            }

            await LoopbackServer.Json(context, 200, CredentialJson("github", credential));
        });
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.Http.MaxRetryAttempts = 0;
        });
        var client = provider.GetRequiredService<CredentialClient>();

        // A timed-out fetch, then fetches right after it: none runs on a source that is already cancelled.
        var e = await Throws<CredentialFetchException>(() => client.GetAsync("github"));
        Assert.IsType<TimeoutRejectedException>(e.InnerException);
        Volatile.Write(ref hang, 0);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(credential, (await client.GetAsync("github")).Credential!.Token);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");

        // Sequential fetches reuse one pooled source: a finished fetch's caller cancelling later does not reach it
        // while a later fetch runs on it.
        using (var earlier = new CancellationTokenSource())
        {
            Assert.Equal(credential, (await client.GetAsync("github", earlier.Token)).Credential!.Token);
            Volatile.Write(ref slow, 1);
            var later = client.GetAsync("github");
            await Task.Delay(50);
            earlier.Cancel();
            Assert.Equal(credential, (await later).Credential!.Token);
            Volatile.Write(ref slow, 0);
        }

        // Eight at once, each on a source of its own.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.GetAsync("github"))));
        Assert.All(results, r => Assert.Equal(credential, r.Credential!.Token));
        Assert.Equal(1 + 20 + 2 + 8, backend.RequestCount);
    }

    private static async Task Eventually(Func<bool> condition, Func<string> describe)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), describe());
    }
}
