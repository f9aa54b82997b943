using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

public sealed class CredentialClientTests : LeakCheckedTest
{
    private const string GitHubPath = "/api/ambient/v1/credentials/cred-1/token";

    [Fact]
    public async Task CallerTokenIsSentAsGivenWithTheUserHeader()
    {
        var caller = LeakCapture.NewToken("caller");
        var credential = LeakCapture.NewToken("ghp");
        await using var backend = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Json(context, 200, CredentialJson("github", credential, ",\"userName\":\"octo\",\"email\":\"octo@example.test\",\"expiresAt\":\"2031-02-03T04:05:06Z\",\"installationId\":42")));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("unused-bot"));
        var client = provider.GetRequiredService<CredentialClient>();

        CredentialResult result;
        using (CallerTokenContext.Begin("Bearer " + caller, "user-42"))
        {
            result = await client.GetAsync("github", CancellationToken.None);
        }

        var request = Assert.Single(backend.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(GitHubPath, request.Path);
        Assert.Equal("Bearer " + caller, request.Authorization);
        Assert.Equal("user-42", request.CurrentUser);

        Assert.True(result.IsSuccess);
        Assert.Equal(CredentialResultStatus.Success, result.Status);
        Assert.Equal(credential, result.Credential.Token);
        Assert.Equal("octo", result.Credential.UserName);
        Assert.Equal("octo@example.test", result.Credential.Email);
        Assert.Equal(new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero), result.Credential.ExpiresAt);
        Assert.Equal(42, result.Credential.AdditionalFields["installationId"].GetInt32());
        LeakCapture.Add(result.ToString());
        Assert.DoesNotContain(credential, result.ToString());
    }

    [Fact]
    public async Task WithoutCallerTheBotTokenIsSentAsBearer()
    {
        var bot = LeakCapture.NewToken("bot");
        var api = LeakCapture.NewToken("jira-api");
        await using var backend = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Json(context, 200, $"{{\"credential_id\":\"jira-7\",\"provider\":\"jira\",\"url\":\"https://jira.example.test\",\"email\":\"a@example.test\",\"apiToken\":\"{api}\"}}"));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = bot;
            o.CredentialIds["jira"] = "jira-7";
        });

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("JIRA", CancellationToken.None);

        var request = Assert.Single(backend.Requests);
        Assert.Equal("Bearer " + bot, request.Authorization);
        Assert.Null(request.CurrentUser);
        Assert.Equal("/api/ambient/v1/credentials/jira-7/token", request.Path);
        Assert.True(result.IsSuccess);
        Assert.Equal(api, result.Credential.ApiToken);
        Assert.Equal(api, result.Credential.Token);
        Assert.Equal("https://jira.example.test", result.Credential.Url);
    }

    [Fact]
    public async Task GoogleFieldsAreRead()
    {
        var access = LeakCapture.NewToken("ya29");
        var refresh = LeakCapture.NewToken("refresh");
        await using var backend = await LoopbackServer.StartAsync(context =>
            LoopbackServer.Json(context, 200, $"{{\"credential_id\":\"g1\",\"provider\":\"google\",\"accessToken\":\"{access}\",\"refreshToken\":\"{refresh}\",\"expiresAt\":1924992000}}"));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.CredentialIds["google"] = "g1";
        });

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("google", CancellationToken.None);
        Assert.True(result.IsSuccess);
        Assert.Equal(access, result.Credential.AccessToken);
        Assert.Equal(refresh, result.Credential.RefreshToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1924992000), result.Credential.ExpiresAt);
        LeakCapture.Add(result.Credential.ToString());
    }

    [Theory]
    [InlineData("proj-a", null, "/api/ambient/v1/projects/proj-a/credentials/cred-1/token")]
    [InlineData(null, "ns-b", "/api/ambient/v1/projects/ns-b/credentials/cred-1/token")]
    [InlineData("proj-a", "ns-b", "/api/ambient/v1/projects/proj-a/credentials/cred-1/token")]
    public async Task ProjectScopedEndpointAndTrailingSlash(string? project, string? ns, string expected)
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("t"))));
        using var provider = BuildServices(new Uri(backend.BaseAddress, "/prefix/"), o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.ProjectName = project;
            o.SessionNamespace = ns;
        });

        await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);
        Assert.Equal("/prefix" + expected, Assert.Single(backend.Requests).Path);
    }

    [Fact]
    public async Task ProviderWithoutIdIsNotConfiguredAndSendsNothing()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 500, "{}"));
        using var provider = BuildServices(backend.BaseAddress);

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("gitlab", CancellationToken.None);
        Assert.Equal(CredentialResultStatus.NotConfigured, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Null(result.CredentialId);
        Assert.Equal(0, backend.RequestCount);
    }

    [Fact]
    public async Task NoTokenAnywhereFailsClosedBeforeSending()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        using var provider = BuildServices(backend.BaseAddress);

        var e = await Throws<CredentialTokenUnavailableException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Contains("caller token", e.Message);
        Assert.Contains("BOT_TOKEN", e.Message);
        Assert.Equal(0, backend.RequestCount);
    }

    [Fact]
    public async Task CallerRefusedThenBotTokenSucceeds()
    {
        var caller = LeakCapture.NewToken("caller");
        var bot = LeakCapture.NewToken("bot");
        var credential = LeakCapture.NewToken("cred");
        await using var backend = await LoopbackServer.StartAsync(context =>
            context.Request.Headers.Authorization.ToString() == "Bearer " + bot
                ? LoopbackServer.Json(context, 200, CredentialJson("github", credential))
                : LoopbackServer.Json(context, 401, "{\"error\":\"caller not allowed\"}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = bot);

        CredentialResult result;
        using (CallerTokenContext.Begin("Bearer " + caller, "user-7"))
        {
            result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);
        }

        Assert.Equal(credential, result.Credential!.Token);
        var requests = backend.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("Bearer " + caller, requests[0].Authorization);
        Assert.Equal("Bearer " + bot, requests[1].Authorization);
        Assert.Equal("user-7", requests[1].CurrentUser);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 4 && e.Text.Contains("401"));
    }

    [Fact]
    public async Task CallerRefusedThenBotForbiddenRaisesAuthenticationError()
    {
        var caller = LeakCapture.NewToken("caller");
        var bot = LeakCapture.NewToken("bot");
        await using var backend = await LoopbackServer.StartAsync(context =>
            context.Request.Headers.Authorization.ToString() == "Bearer " + bot
                ? LoopbackServer.Json(context, 403, "{\"secret\":\"body-must-not-leak\"}")
                : LoopbackServer.Json(context, 401, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = bot);

        CredentialAuthenticationException e;
        using (CallerTokenContext.Begin("Bearer " + caller, "user-7"))
        {
            e = await Throws<CredentialAuthenticationException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        }

        Assert.Equal("github", e.Provider);
        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal(TokenSource.ControlPlaneOidc, e.TokenSource);
        Assert.Contains("github", e.Message);
        Assert.Contains("403", e.Message);
        Assert.DoesNotContain("body-must-not-leak", e.ToString());
        // Caller once, bot once; the bot token from BOT_TOKEN cannot be refreshed into a different one.
        Assert.Equal(2, backend.RequestCount);
    }

    [Fact]
    public async Task CallerRefusedWithoutBotTokenRaisesAuthenticationError()
    {
        var caller = LeakCapture.NewToken("caller");
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 403, "{}"));
        using var provider = BuildServices(backend.BaseAddress);

        using (CallerTokenContext.Begin("Bearer " + caller))
        {
            var e = await Throws<CredentialAuthenticationException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
            Assert.Equal(TokenSource.Caller, e.TokenSource);
            Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        }

        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task BotRefusedIsRefreshedThroughTheExchangeAndRetriedOnce()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        var credential = LeakCapture.NewToken("cred");
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            var issued = plane.Issued;
            return issued.Count >= 2 && context.Request.Headers.Authorization.ToString() == "Bearer " + issued[1]
                ? LoopbackServer.Json(context, 200, CredentialJson("github", credential))
                : LoopbackServer.Json(context, 401, "{}");
        });
        using var provider = BuildServices(backend.BaseAddress, plane.Configure);

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);

        Assert.Equal(credential, result.Credential!.Token);
        Assert.Equal(2, plane.Exchanges);
        var requests = backend.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("Bearer " + plane.Issued[0], requests[0].Authorization);
        Assert.Equal("Bearer " + plane.Issued[1], requests[1].Authorization);
    }

    [Fact]
    public async Task BotRefusedAfterRefreshRaises()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 401, "{}"));
        using var provider = BuildServices(backend.BaseAddress, plane.Configure);

        var e = await Throws<CredentialAuthenticationException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal(2, plane.Exchanges);
        Assert.Equal(2, backend.RequestCount);
    }

    [Fact]
    public async Task NotFoundIsAResultAndIsNotRetried()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 404, "{\"error\":\"no such credential\"}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);
        Assert.Equal(CredentialResultStatus.NotFound, result.Status);
        Assert.Equal("cred-1", result.CredentialId);
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task TwoServiceUnavailableThenSuccess()
    {
        var credential = LeakCapture.NewToken("cred");
        var count = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
            Interlocked.Increment(ref count) <= 2
                ? LoopbackServer.Json(context, 503, "{}")
                : LoopbackServer.Json(context, 200, CredentialJson("github", credential)));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var result = await provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None);
        Assert.Equal(credential, result.Credential!.Token);
        Assert.Equal(3, backend.RequestCount);
    }

    [Fact]
    public async Task PersistentServerErrorReportsStatusAndLengthOnly()
    {
        const string body = "{\"detail\":\"internal stack trace here\"}";
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 500, body));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.MaxRetryAttempts = 2;
        });

        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Equal(body.Length, e.ResponseLength);
        Assert.Contains("500", e.Message);
        Assert.Contains(body.Length.ToString(CultureInfo.InvariantCulture), e.Message);
        Assert.DoesNotContain("stack trace", e.ToString());
        Assert.Equal(3, backend.RequestCount);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task RefusalsAreNeverRetriedByTheResiliencePipeline(int status)
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, status, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        await Throws<CredentialAuthenticationException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task HungServerHitsTheAttemptTimeout()
    {
        await using var backend = await LoopbackServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromMilliseconds(250);
            o.Http.MaxRetryAttempts = 1;
        });

        var watch = Stopwatch.StartNew();
        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Contains("timed out", e.Message);
        Assert.Null(e.StatusCode);
        Assert.Equal(2, backend.RequestCount);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // the default would be 4 x 10 s
    }

    [Fact]
    public async Task CancellationStopsTheFetch()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await LoopbackServer.StartAsync(async context =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.Http.AttemptTimeout = TimeSpan.FromSeconds(30);
        });
        using var cancel = new CancellationTokenSource();

        var fetch = provider.GetRequiredService<CredentialClient>().GetAsync("github", cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var watch = Stopwatch.StartNew();
        cancel.Cancel();
        var e = LeakCapture.Observe(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // the attempt timeout is 30 s here
        Assert.Equal(1, backend.RequestCount);

        // Already cancelled: nothing is sent.
        LeakCapture.Observe(await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", cancel.Token)));
        Assert.Equal(1, backend.RequestCount);
    }

    [Fact]
    public async Task RedirectsAreNotFollowed()
    {
        await using var attacker = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = attacker.BaseAddress.ToString();
            return Task.CompletedTask;
        });
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var e = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Found, e.StatusCode);
        Assert.Equal(0, attacker.RequestCount);
    }

    [Fact]
    public async Task AThousandConcurrentFetchesShareOneExchange()
    {
        await using var plane = await FakeControlPlane.StartAsync();
        plane.Delay = TimeSpan.FromMilliseconds(100);
        var credential = LeakCapture.NewToken("cred");
        var wrongToken = 0;
        await using var backend = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + plane.Issued.Single())
            {
                Interlocked.Increment(ref wrongToken);
                return LoopbackServer.Json(context, 401, "{}");
            }

            return LoopbackServer.Json(context, 200, CredentialJson("github", credential));
        });
        using var provider = BuildServices(
            backend.BaseAddress,
            o =>
            {
                plane.Configure(o);
                o.Http.AttemptTimeout = TimeSpan.FromSeconds(30);
            },
            services: s => s.AddHttpClient<CredentialClient>().ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }));

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ =>
            Task.Run(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(credential, r.Credential!.Token));
        Assert.Equal(1, plane.Attempts);
        Assert.Equal(1, plane.Exchanges);
        Assert.Equal(0, wrongToken);
        Assert.Equal(1000, backend.RequestCount);
    }
}
