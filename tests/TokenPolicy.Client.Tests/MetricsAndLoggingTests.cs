using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

public sealed class MetricsAndLoggingTests : LeakCheckedTest
{
    [Fact]
    public async Task FetchesFailuresAndDurationAreMeasured()
    {
        var credential = LeakCapture.NewToken("cred");
        await using var backend = await LoopbackServer.StartAsync(context => context.Request.Path.Value!.Contains("/cred-1/")
            ? LoopbackServer.Json(context, 200, CredentialJson("github", credential))
            : context.Request.Path.Value!.Contains("/jira-1/")
                ? LoopbackServer.Json(context, 404, "{}")
                : LoopbackServer.Json(context, 400, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o =>
        {
            o.BotToken = LeakCapture.NewToken("bot");
            o.CredentialIds["jira"] = "jira-1";
            o.CredentialIds["gitlab"] = "gl-1";
        });
        var factory = provider.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
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
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        var client = provider.GetRequiredService<CredentialClient>();
        Assert.True((await client.GetAsync("github", CancellationToken.None)).IsSuccess);
        Assert.Equal(CredentialResultStatus.NotFound, (await client.GetAsync("jira", CancellationToken.None)).Status);
        Assert.Equal(CredentialResultStatus.NotConfigured, (await client.GetAsync("google", CancellationToken.None)).Status);
        await Throws<CredentialFetchException>(() => client.GetAsync("gitlab", CancellationToken.None));

        var fetches = measurements.Where(m => m.Instrument == CredentialMetrics.FetchesInstrument).ToList();
        Assert.Contains(fetches, m => (string?)m.Tags["provider"] == "github" && (string?)m.Tags["outcome"] == "success");
        Assert.Contains(fetches, m => (string?)m.Tags["provider"] == "jira" && (string?)m.Tags["outcome"] == "not_found");
        Assert.Contains(fetches, m => (string?)m.Tags["provider"] == "google" && (string?)m.Tags["outcome"] == "not_configured");
        Assert.Contains(fetches, m => (string?)m.Tags["provider"] == "gitlab" && (string?)m.Tags["outcome"] == "failure");
        Assert.Contains(measurements, m => m.Instrument == CredentialMetrics.FailuresInstrument && (string?)m.Tags["status"] == "400" && (string?)m.Tags["provider"] == "gitlab");
        Assert.Equal(4, measurements.Count(m => m.Instrument == CredentialMetrics.DurationInstrument && m.Value >= 0));
    }

    [Fact]
    public async Task LogsAreStructuredAndTheSuiteCaptureSeesThem()
    {
        var bot = LeakCapture.NewToken("bot");
        await using var backend = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 401, "{}"));
        using var provider = BuildServices(backend.BaseAddress, o => o.BotToken = bot);

        var before = LeakCapture.LogCount;
        await Throws<CredentialAuthenticationException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github", CancellationToken.None));

        // The capture works: the library's messages and its request log (method, host, path, status) arrived...
        Assert.True(LeakCapture.LogCount > before);
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 6 && e.Text.Contains("github") && e.Text.Contains("401"));
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 40 && e.Text.Contains("/api/ambient/v1/credentials/cred-1/token") && e.Text.Contains("401"));

        // ... the factory's own request logging (whose header event carries raw values in its state) is replaced ...
        Assert.DoesNotContain(Logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));

        // ... and the token is in none of them (checked again for the whole suite after every test).
        Assert.DoesNotContain(Logs.Entries, e => e.Text.Contains(bot, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFactoryHeaderEventExposesRawValuesInItsStateAndNoClientOfOursEmitsIt()
    {
        await using var api = await LoopbackServer.StartAsync(context => LoopbackServer.Json(context, 200, "{}"));

        // The defect: a plain factory client's Trace header event redacts its message but not its state.
        var plainLedger = new LeakLedger();
        var plainToken = plainLedger.NewToken("plain");
        var plain = new ServiceCollection();
        plain.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(plainLedger)));
        plain.AddHttpClient("plain", c => c.BaseAddress = api.BaseAddress).RedactLoggedHeaders(new[] { "Authorization" });
        using (var provider = plain.BuildServiceProvider())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + plainToken);
            (await provider.GetRequiredService<IHttpClientFactory>().CreateClient("plain").SendAsync(request)).Dispose();
        }

        Assert.NotNull(plainLedger.FindLeak());

        // Ours: the caller token, the bot token and the exchange proof through every client the library configures,
        // logged at Trace, and nothing in any text or state.
        var ledger = new LeakLedger();
        var caller = ledger.NewToken("caller");
        var bot = ledger.NewToken("bot");
        var ours = new ServiceCollection();
        ours.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(ledger)));
        ours.AddTokenPolicyCredentials(o =>
        {
            o.BackendApiUrl = api.BaseAddress.ToString();
            o.BotToken = bot;
            o.BotTokenFilePath = "/nonexistent/bot-token";
            o.CredentialIds["github"] = "cred-1";
        });
        ours.AddHttpClient("api", c => c.BaseAddress = api.BaseAddress).AddCallerOrOidcAuthorization();
        using (var provider = ours.BuildServiceProvider())
        {
            using (CallerTokenContext.Begin("Bearer " + caller, "u1"))
            {
                (await provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("/x")).Dispose();
                await Assert.ThrowsAsync<CredentialFetchException>(() => provider.GetRequiredService<CredentialClient>().GetAsync("github"));
            }

            (await provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("/y")).Dispose();
        }

        Assert.Equal(4, api.RequestCount); // the plain request and our three
        Assert.Null(ledger.FindLeak());
    }

    [Fact]
    public void TheLeakCheckFindsATokenWhereverItHides()
    {
        var ledger = new LeakLedger();
        var token = ledger.NewToken("probe");
        var secret = token[(token.IndexOf('-') + 1)..];
        ledger.Add("nothing here");
        Assert.Null(ledger.FindLeak());

        ledger.Add("Authorization: Bearer " + token.ToUpperInvariant());
        Assert.NotNull(ledger.FindLeak());

        var embedded = new LeakLedger();
        var other = embedded.NewToken("probe");
        embedded.Add("ab12" + other[(other.IndexOf('-') + 1)..] + "ff");
        Assert.NotNull(embedded.FindLeak());
        Assert.NotEqual(secret, other);
    }
}
