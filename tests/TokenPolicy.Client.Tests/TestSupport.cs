using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TokenPolicy.Credentials;

namespace TokenPolicy.Client.Tests;

/// <summary>
/// Suite-wide capture of everything the library could leak through: every log line (message, state values,
/// exception) of every service provider the tests build, every exception and ToString() the tests observe, and every
/// tag of every measurement. Every fake token is made here at run time; after each test, no token may appear in
/// anything captured so far, so the last test to finish checks the whole suite.
/// </summary>
public static class LeakCapture
{
    private static readonly MeterListener s_listener;
    private static int s_logCount;

    static LeakCapture()
    {
        s_listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith("TokenPolicy", StringComparison.Ordinal)
                    || instrument.Meter.Name.StartsWith("Polly", StringComparison.Ordinal)
                    || instrument.Meter.Name.StartsWith("System.Net.Http", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        s_listener.SetMeasurementEventCallback<long>((_, _, tags, _) => Tags(tags));
        s_listener.SetMeasurementEventCallback<double>((_, _, tags, _) => Tags(tags));
        s_listener.SetMeasurementEventCallback<int>((_, _, tags, _) => Tags(tags));
        s_listener.Start();
    }

    /// <summary>The ledger of the whole suite.</summary>
    public static LeakLedger Suite { get; } = new();

    public static int LogCount => Volatile.Read(ref s_logCount);

    /// <summary>A fake token made at test time, registered as a secret that must never be captured.</summary>
    public static string NewToken(string label) => Suite.NewToken(label);

    public static void Add(string? text) => Suite.Add(text);

    public static T Observe<T>(T exception)
        where T : Exception
    {
        Add(exception.ToString());
        Add(exception.Message);
        return exception;
    }

    public static void AddLog(string text)
    {
        Interlocked.Increment(ref s_logCount);
        Add(text);
    }

    public static void AssertNoLeaks()
    {
        if (Suite.FindLeak() is { } leak)
        {
            Assert.Fail($"A token leaked into captured output: {leak}");
        }
    }

    private static void Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var builder = new StringBuilder();
        foreach (var tag in tags)
        {
            builder.Append(tag.Key).Append('=').Append(tag.Value).Append(';');
        }

        Add(builder.ToString());
    }
}

/// <summary>Secrets made by tests and the text captured, with a fast check that no secret occurs in any text.</summary>
public sealed class LeakLedger
{
    private static readonly System.Text.RegularExpressions.Regex s_hexRun = new("[0-9a-fA-F]{32,}", System.Text.RegularExpressions.RegexOptions.Compiled);
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hexWindows = new(StringComparer.Ordinal);

    public string NewToken(string label)
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _secrets.TryAdd(secret, 0);
        return $"{label}-{secret}";
    }

    public void Add(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // Every secret is 32 hex digits: index every 32-digit window of every hex run, so that the check after each
        // test is a set intersection rather than a scan of everything captured.
        foreach (System.Text.RegularExpressions.Match run in s_hexRun.Matches(text))
        {
            var hex = run.Value.ToLowerInvariant();
            for (var i = 0; i + 32 <= hex.Length; i++)
            {
                _hexWindows.TryAdd(hex.Substring(i, 32), text);
            }
        }
    }

    /// <summary>A captured text that contains a secret, or null.</summary>
    public string? FindLeak()
    {
        foreach (var secret in _secrets.Keys)
        {
            if (_hexWindows.TryGetValue(secret, out var text))
            {
                return text;
            }
        }

        return null;
    }
}

/// <summary>A logger provider feeding <see cref="LeakCapture"/>, plus a per-provider list for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly LeakLedger? _ledger;

    public CapturingLoggerProvider(LeakLedger? ledger = null) => _ledger = ledger;

    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    private void Capture(string text)
    {
        if (_ledger is null)
        {
            LeakCapture.AddLog(text);
        }
        else
        {
            _ledger.Add(text);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var text = new StringBuilder(state.ToString());
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var pair in values)
                {
                    text.Append(" | ").Append(pair.Key).Append('=').Append(Flatten(pair.Value));
                }
            }

            owner.Capture(text.ToString());
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var pair in values)
                {
                    // Structured sinks export every value: header collections and other enumerables item by item.
                    text.Append(" | ").Append(pair.Key).Append('=').Append(Flatten(pair.Value));
                }
            }

            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            var line = text.ToString();
            owner.Entries.Enqueue((category, logLevel, eventId, line));
            owner.Capture(line);
        }

        private static string? Flatten(object? value) => value switch
        {
            null => null,
            string s => s,
            System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Flatten)),
            _ => value.ToString(),
        };
    }
}

/// <summary>Base of every test class: after each test, nothing captured may contain a token.</summary>
public abstract class LeakCheckedTest : IDisposable
{
    protected CapturingLoggerProvider Logs { get; } = new();

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
        LeakCapture.AssertNoLeaks();
    }

    /// <summary>
    /// <paramref name="fetches"/> concurrent fetches of providers <c>p0</c>, <c>p1</c>, ... in turn (one per token); asserts
    /// that each got its own provider's token.
    /// </summary>
    protected static async Task AssertEachFetchGetsItsOwnTokenAsync(CredentialClient client, IReadOnlyList<string> tokens, int fetches)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, fetches).Select(async n =>
        {
            var i = n % tokens.Count;
            var r = await client.GetAsync("p" + i, CancellationToken.None);
            return (i, r.Credential!.Token);
        }));

        Assert.All(results, r => Assert.Equal(tokens[r.i], r.Token));
    }

    protected static string CredentialJson(string provider, string token, string extra = "") =>
        $"{{\"credential_id\":\"cred-1\",\"provider\":\"{provider}\",\"token\":\"{token}\"{extra}}}";

    /// <summary>
    /// Services as an application registers them, with options pointing at <paramref name="backend"/>, nothing from
    /// the machine (no bot-token file, no BOT_TOKEN) unless the test sets it, and fast retries.
    /// </summary>
    protected ServiceProvider BuildServices(
        Uri? backend,
        Action<CredentialClientOptions>? configure = null,
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build();
        collection.AddTokenPolicyCredentials(config, o =>
        {
            o.BackendApiUrl = backend?.ToString();
            o.BotToken = null;
            o.BotTokenFilePath = Path.Combine(Path.GetTempPath(), "tokenpolicy-tests-missing", Guid.NewGuid().ToString("N"));
            o.ControlPlane.TokenUrl = null;
            o.ClientCredentials.TokenUrl = null;
            o.ProjectName = null;
            o.SessionNamespace = null;
            o.Http.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.Http.AttemptTimeout = TimeSpan.FromSeconds(5);
            if (!o.CredentialIds.ContainsKey("github"))
            {
                o.CredentialIds["github"] = "cred-1";
            }

            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    protected static async Task<T> Throws<T>(Func<Task> action)
        where T : Exception
    {
        var exception = await Assert.ThrowsAsync<T>(action);
        return LeakCapture.Observe(exception);
    }
}

/// <summary>
/// A fake control plane on 127.0.0.1 holding an RSA key made in the test: it decrypts the bearer (RSA-OAEP-SHA256)
/// and answers only when it is the expected session id.
/// </summary>
public sealed class FakeControlPlane : IAsyncDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentQueue<string> _issued = new();
    private int _attempts;
    private int _exchanges;
    private int _badProofs;

    private FakeControlPlane(string sessionId) => SessionId = sessionId;

    public LoopbackServer Server { get; private set; } = null!;

    public string SessionId { get; }

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Requests answered with a token.</summary>
    public int Exchanges => Volatile.Read(ref _exchanges);

    /// <summary>All requests, including refused and failed ones.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public int BadProofs => Volatile.Read(ref _badProofs);

    public IReadOnlyList<string> Issued => _issued.ToArray();

    /// <summary>Status to answer attempt n (1-based) with instead of a token; null to issue a token.</summary>
    public Func<int, int?> FailAttempt { get; set; } = _ => null;

    /// <summary>When set, every exchange answers this same token value (a control plane that re-issues the token).</summary>
    public string? FixedToken { get; set; }

    /// <summary>When set, the body of a successful answer (instead of {"token": ...}).</summary>
    public Func<string>? Body { get; set; }

    /// <summary>Delay before answering (to widen races).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<FakeControlPlane> StartAsync(string? sessionId = null)
    {
        var plane = new FakeControlPlane(sessionId ?? "session-" + Guid.NewGuid().ToString("N"));
        plane.Server = await LoopbackServer.StartAsync(plane.HandleAsync);
        return plane;
    }

    public void Configure(CredentialClientOptions options)
    {
        options.ControlPlane.TokenUrl = new Uri(Server.BaseAddress, "/token").ToString();
        options.ControlPlane.PublicKeyPem = PublicKeyPem;
        options.ControlPlane.SessionId = SessionId;
        options.ControlPlane.RetryDelay = TimeSpan.FromMilliseconds(10);
        options.ControlPlane.AttemptTimeout = TimeSpan.FromSeconds(5);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var header = context.Request.Headers.Authorization.ToString();
        string? decrypted = null;
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            try
            {
                var cipher = Convert.FromBase64String(header["Bearer ".Length..]);
                decrypted = Encoding.UTF8.GetString(_key.Decrypt(cipher, RSAEncryptionPadding.OaepSHA256));
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
            }
        }

        if (decrypted != SessionId)
        {
            Interlocked.Increment(ref _badProofs);
            context.Response.StatusCode = 401;
            return;
        }

        if (FailAttempt(attempt) is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        var number = Interlocked.Increment(ref _exchanges);
        if (Body is { } body)
        {
            await LoopbackServer.Json(context, 200, body());
            return;
        }

        var token = FixedToken ?? LeakCapture.NewToken("oidc" + number);
        _issued.Enqueue(token);
        await LoopbackServer.Json(context, 200, $"{{\"token\":\"{token}\"}}");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _key.Dispose();
    }
}

/// <summary>A clock the test moves by hand (timers still run on real time).</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
