using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary><see cref="CredentialClient.GetByIdAsync"/>: the same fetch as GetAsync, by credential id.</summary>
public sealed class GetByIdTests : LeakCheckedTest
{
    [Fact]
    public async Task ListedIdIsFetchedUnderItsProvider()
    {
        var bot = LeakCapture.NewToken("bot");
        var credential = LeakCapture.NewToken("ghp");
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", credential)));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = bot);

        var result = await provider.GetRequiredService<CredentialClient>().GetByIdAsync("cred-1", CancellationToken.None);

        var request = Assert.Single(backend.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/ambient/v1/credentials/cred-1/token", request.Path);
        Assert.Equal("Bearer " + bot, request.Authorization);
        Assert.True(result.IsSuccess);
        Assert.Equal("github", result.Provider);
        Assert.Equal("cred-1", result.CredentialId);
        Assert.Equal(credential, result.Credential.Token);
        Assert.DoesNotContain(Logs.Entries, e => e.Text.Contains(credential, StringComparison.Ordinal) || e.Text.Contains(bot, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnlistedIdIsFetchedAsUnlistedWithTheCallersToken()
    {
        var caller = LeakCapture.NewToken("caller");
        var credential = LeakCapture.NewToken("glpat");
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("gitlab", credential)));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("unused-bot"));

        CredentialResult result;
        using (CallerTokenContext.Begin("Bearer " + caller, "user-7"))
        {
            result = await provider.GetRequiredService<CredentialClient>().GetByIdAsync(" gl_Cred-9 ", CancellationToken.None);
        }

        var request = Assert.Single(backend.Requests);
        Assert.Equal("/api/ambient/v1/credentials/gl_Cred-9/token", request.Path);
        Assert.Equal("Bearer " + caller, request.Authorization);
        Assert.Equal("user-7", request.CurrentUser);
        Assert.True(result.IsSuccess);
        Assert.Equal(CredentialClient.UnlistedProvider, result.Provider);
        Assert.Equal("gl_Cred-9", result.CredentialId);
        Assert.Equal(credential, result.Credential.Token);
        Assert.DoesNotContain(Logs.Entries, e => e.Text.Contains(credential, StringComparison.Ordinal) || e.Text.Contains(caller, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotFoundIsAResult()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 404, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var result = await provider.GetRequiredService<CredentialClient>().GetByIdAsync("missing-1", CancellationToken.None);

        Assert.Equal("/api/ambient/v1/credentials/missing-1/token", Assert.Single(backend.Requests).Path);
        Assert.Equal(CredentialResultStatus.NotFound, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Null(result.Credential);
        Assert.Equal("missing-1", result.CredentialId);
    }

    [Fact]
    public async Task FailuresAreTypedLikeGetAsync()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 500, "{\"token\":\"not-read\"}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));

        var failure = await Throws<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetByIdAsync("cred-5", CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal(CredentialClient.UnlistedProvider, failure.Provider);
        Assert.NotEmpty(backend.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a/b")]
    [InlineData("../token")]
    [InlineData("cred%2F1")]
    [InlineData("cred 1")]
    [InlineData("cred.1")]
    [InlineData("crédit")]
    [InlineData("cred-1?x=1")]
    public async Task InvalidIdIsRefusedWithoutARequest(string id)
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("t"))));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));
        var client = provider.GetRequiredService<CredentialClient>();

        var error = Assert.Throws<ArgumentException>(() => { _ = client.GetByIdAsync(id, CancellationToken.None); });
        Assert.Equal("credentialId", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => { _ = client.GetByIdAsync(null!, CancellationToken.None); });
        Assert.Empty(backend.Requests);
    }

    [Fact]
    public async Task OverlongIdIsRefusedAndTheLongestIsAccepted()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 404, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));
        var client = provider.GetRequiredService<CredentialClient>();

        Assert.Throws<ArgumentException>(() => { _ = client.GetByIdAsync(new string('a', 65), CancellationToken.None); });
        Assert.Empty(backend.Requests);
        Assert.Equal(CredentialResultStatus.NotFound, (await client.GetByIdAsync(new string('a', 64), CancellationToken.None)).Status);
        Assert.Equal("/api/ambient/v1/credentials/" + new string('a', 64) + "/token", Assert.Single(backend.Requests).Path);
    }

    [Fact]
    public async Task ProjectPathIsUsed()
    {
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("t"))));
        using var provider = BuildServices(new Uri(backend.BaseAddress, "/prefix/"), o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.ProjectName = "proj-a";
        });

        var result = await provider.GetRequiredService<CredentialClient>().GetByIdAsync("cred-9", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("/prefix/api/ambient/v1/projects/proj-a/credentials/cred-9/token", Assert.Single(backend.Requests).Path);
    }

    [Fact]
    public async Task ProviderTagIsBoundedWhateverTheIds()
    {
        await using var backend = await LoopbackServer.StartAsync(context => context.Request.Path.Value!.Contains("/cred-1/", StringComparison.Ordinal)
            ? LoopbackServer.Json(context, 200, CredentialJson("github", LeakCapture.NewToken("t")))
            : LoopbackServer.Json(context, 404, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = LeakCapture.NewToken("bot"));
        var factory = provider.GetRequiredService<IMeterFactory>();
        var tags = new ConcurrentQueue<(string Instrument, string? Provider, string? Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CredentialMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, _, t, _) => tags.Enqueue((i.Name, Tag(t, "provider"), Tag(t, "outcome"))));
        listener.SetMeasurementEventCallback<double>((i, _, t, _) => tags.Enqueue((i.Name, Tag(t, "provider"), Tag(t, "outcome"))));
        listener.Start();

        var client = provider.GetRequiredService<CredentialClient>();
        Assert.True((await client.GetByIdAsync("cred-1", CancellationToken.None)).IsSuccess);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(CredentialResultStatus.NotFound, (await client.GetByIdAsync("other-" + i, CancellationToken.None)).Status);
        }

        var fetches = tags.Where(t => t.Instrument == CredentialMetrics.FetchesInstrument).ToList();
        Assert.Equal(21, fetches.Count);
        Assert.Equal(new[] { "github", CredentialClient.UnlistedProvider }, fetches.Select(t => t.Provider).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(20, fetches.Count(t => t.Provider == CredentialClient.UnlistedProvider && t.Outcome == "not_found"));
        Assert.DoesNotContain(tags, t => t.Provider is not null && t.Provider.StartsWith("other-", StringComparison.Ordinal));
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
