using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TokenPolicy.Credentials;

/// <summary>
/// Metrics of the meter <see cref="MeterName"/>: credential fetches, failures by status, fetch duration and token
/// exchanges. Tags carry provider names, outcomes and statuses only, never a token.
/// </summary>
public sealed class CredentialMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "TokenPolicy.Credentials";

    /// <summary>Counter of credential fetches, tagged <c>provider</c> and <c>outcome</c>.</summary>
    public const string FetchesInstrument = "tokenpolicy.credentials.fetches";

    /// <summary>Counter of failed requests, tagged <c>provider</c>, <c>status</c> and <c>token_source</c>.</summary>
    public const string FailuresInstrument = "tokenpolicy.credentials.failures";

    /// <summary>Histogram of fetch duration in seconds, tagged <c>provider</c> and <c>outcome</c>.</summary>
    public const string DurationInstrument = "tokenpolicy.credentials.fetch.duration";

    /// <summary>Counter of token-endpoint requests (control-plane exchange, client credentials), tagged <c>kind</c> and <c>outcome</c>.</summary>
    public const string TokenRequestsInstrument = "tokenpolicy.credentials.token_requests";

    private static readonly Lazy<CredentialMetrics> s_shared = new(() => new CredentialMetrics(null));

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _fetches;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _tokenRequests;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on an own meter when it is null.</summary>
    /// <param name="meterFactory">The application's meter factory.</param>
    public CredentialMetrics(IMeterFactory? meterFactory)
    {
        if (meterFactory is null)
        {
            _meter = new Meter(MeterName);
            _ownsMeter = true;
        }
        else
        {
            _meter = meterFactory.Create(MeterName);
        }

        _fetches = _meter.CreateCounter<long>(FetchesInstrument, unit: "{fetch}", description: "Credential fetches by provider and outcome.");
        _failures = _meter.CreateCounter<long>(FailuresInstrument, unit: "{failure}", description: "Failed credential requests by provider and status.");
        _duration = _meter.CreateHistogram<double>(DurationInstrument, unit: "s", description: "Duration of credential fetches.");
        _tokenRequests = _meter.CreateCounter<long>(TokenRequestsInstrument, unit: "{request}", description: "Requests to token endpoints by kind and outcome.");
    }

    /// <summary>A process-wide instance for code without dependency injection.</summary>
    public static CredentialMetrics Shared => s_shared.Value;

    internal void Fetch(string provider, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "provider", provider }, { "outcome", outcome } };
        _fetches.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Whether anyone listens to the duration histogram (else a fetch does not read the clock for it).</summary>
    internal bool MeasuresDuration => _duration.Enabled;

    /// <summary>
    /// A fetch that ended: counted, and its duration from <paramref name="startedTimestamp"/> (a
    /// <see cref="Stopwatch"/> timestamp; 0 when nobody listened to the histogram at the start, then no duration is recorded).
    /// </summary>
    internal void Fetch(string provider, string outcome, long startedTimestamp)
    {
        // Nobody listens (the usual case without an exporter): no tag list is built.
        if (startedTimestamp == 0 && !_fetches.Enabled)
        {
            return;
        }

        var tags = new TagList { { "provider", provider }, { "outcome", outcome } };
        _fetches.Add(1, tags);
        if (startedTimestamp != 0)
        {
            _duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
        }
    }

    internal void Failure(string provider, string status, TokenSource? source)
    {
        var tags = new TagList { { "provider", provider }, { "status", status } };
        if (source is not null)
        {
            tags.Add("token_source", source == TokenSource.Caller ? "caller" : "control_plane_oidc");
        }

        _failures.Add(1, tags);
    }

    /// <summary>The status tag of an HTTP status: its number (a bounded set: 100-999).</summary>
    internal static string StatusTag(System.Net.HttpStatusCode status)
    {
        var code = (int)status;
        return code is >= 100 and <= 999 ? s_statusTags[code - 100] ??= code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other";
    }

    private static readonly string?[] s_statusTags = new string?[900];

    internal void TokenRequest(string kind, string outcome) =>
        _tokenRequests.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
