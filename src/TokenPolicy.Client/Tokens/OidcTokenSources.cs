using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TokenPolicy.Credentials;

/// <summary>An OIDC token held in memory. Each request to a token endpoint gives a new instance, even for the same value.</summary>
public sealed class OidcToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The token.</param>
    /// <param name="expiresAt">When it expires, if known.</param>
    /// <param name="refreshAt">From when it is no longer handed out (replaced first), if ever.</param>
    /// <exception cref="ArgumentException">The value cannot be sent in a header (the message never holds it).</exception>
    public OidcToken(string value, DateTimeOffset? expiresAt = null, DateTimeOffset? refreshAt = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (TokenText.Problem(value, allowSpaces: false) is { } problem)
        {
            throw new ArgumentException("The token cannot be sent: " + problem + ".", nameof(value));
        }

        Value = value;
        ExpiresAt = expiresAt;
        RefreshAt = refreshAt;
    }

    /// <summary>The token. Never log it.</summary>
    public string Value { get; }

    /// <summary>When it expires, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>From when it is replaced before use.</summary>
    public DateTimeOffset? RefreshAt { get; }

    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() => $"OidcToken {{ Value = [redacted], ExpiresAt = {ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "(unknown)"} }}";
}

/// <summary>
/// A source of the control plane's OIDC token kept in memory: the control-plane exchange or a client-credentials
/// grant.
/// </summary>
public interface IOidcTokenSource
{
    /// <summary>A short description for error messages (no secrets).</summary>
    string Description { get; }

    /// <summary>The token in memory, if any and still valid; never does network I/O.</summary>
    OidcToken? Cached { get; }

    /// <summary>
    /// The token in memory, or a new one. With <paramref name="refused"/>, that token is not returned: one new request
    /// is made however many callers report the same refused token (callers that report it after it was replaced get the
    /// replacement, even when its value is the same).
    /// </summary>
    /// <param name="refused">A token the server refused, to be replaced.</param>
    /// <param name="cancellationToken">Cancels this caller's wait (not the shared request).</param>
    /// <returns>The token.</returns>
    /// <exception cref="OidcTokenException">No token could be obtained.</exception>
    ValueTask<OidcToken> GetTokenAsync(OidcToken? refused, CancellationToken cancellationToken = default);
}

/// <summary>A token endpoint did not give a token. The message holds statuses, lengths and reasons only.</summary>
public sealed class OidcTokenException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong (no secrets).</param>
    /// <param name="statusCode">The last HTTP status, when a response arrived.</param>
    /// <param name="innerException">The cause.</param>
    public OidcTokenException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The last HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }
}

/// <summary>
/// The base of every in-memory token source: the token in memory, and single-flight replacement. Concurrent requests
/// for a token, and concurrent reports of the same refused token, share one request; a caller that cancels stops
/// waiting without cancelling it.
/// </summary>
public abstract class CachedTokenSource : IOidcTokenSource, IDisposable
{
    /// <summary>The largest answer a token endpoint may give (64 KiB).</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly object _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private Task<OidcToken>? _inflight;
    private volatile OidcToken? _current;

    /// <summary>Creates the source.</summary>
    /// <param name="timeProvider">The clock for expiry.</param>
    protected CachedTokenSource(TimeProvider? timeProvider)
    {
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; }

    /// <inheritdoc />
    public OidcToken? Cached
    {
        get
        {
            var current = _current;
            return current is not null && (current.RefreshAt is not { } at || Time.GetUtcNow() < at) ? current : null;
        }
    }

    /// <inheritdoc />
    public ValueTask<OidcToken> GetTokenAsync(OidcToken? refused, CancellationToken cancellationToken = default)
    {
        var current = Cached;
        if (current is not null && !ReferenceEquals(current, refused))
        {
            return new ValueTask<OidcToken>(current);
        }

        Task<OidcToken> flight;
        lock (_gate)
        {
            current = Cached;
            if (current is not null && !ReferenceEquals(current, refused))
            {
                return new ValueTask<OidcToken>(current);
            }

            if (_inflight is null || _inflight.IsCompleted)
            {
                var stopping = _disposed.Token;
                _inflight = Task.Run(() => RunAsync(stopping), CancellationToken.None);
            }

            flight = _inflight;
        }

        return new ValueTask<OidcToken>(cancellationToken.CanBeCanceled ? flight.WaitAsync(cancellationToken) : flight);
    }

    /// <summary>Requests a new token from the endpoint (called by one caller at a time).</summary>
    /// <param name="cancellationToken">Cancelled when the source is disposed.</param>
    /// <returns>The new token.</returns>
    /// <exception cref="OidcTokenException">No token.</exception>
    protected abstract Task<OidcToken> RequestAsync(CancellationToken cancellationToken);

    private async Task<OidcToken> RunAsync(CancellationToken cancellationToken)
    {
        var token = await RequestAsync(cancellationToken).ConfigureAwait(false);
        _current = token; // before the shared task completes: callers after it see the replacement
        return token;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops a request in flight.</summary>
    /// <param name="disposing">From <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
        }
    }

    /// <summary>The attempt/retry/timeout pipeline of a token endpoint (Polly): transient faults only.</summary>
    internal static ResiliencePipeline<TokenAnswer> Pipeline(int attempts, TimeSpan delay, TimeSpan attemptTimeout, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<TokenAnswer> { TimeProvider = time };
        if (attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<TokenAnswer>
            {
                MaxRetryAttempts = attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = delay,
                ShouldHandle = new PredicateBuilder<TokenAnswer>()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>(e => e is not ResponseTooLargeException)
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(a => a.Transient),
            });
        }

        return builder.AddTimeout(attemptTimeout).Build();
    }

    /// <summary>A string property of a JSON answer, checked for what a header can carry.</summary>
    internal static string? ReadToken(byte[] body, string property, out string problem)
    {
        problem = "no '" + property + "' in the answer";
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var token)
                && token.ValueKind == JsonValueKind.String)
            {
                var value = token.GetString()!.Trim();
                if (TokenText.Problem(value, allowSpaces: false) is { } invalid)
                {
                    problem = "the '" + property + "' of the answer is unusable: " + invalid;
                    return null;
                }

                return value;
            }
        }
        catch (JsonException)
        {
            problem = "the answer is not JSON";
        }

        return null;
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout || (int)status == 429;

    internal static string Status(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The outcome of one attempt at a token endpoint (no token value unless it succeeded).</summary>
internal sealed class TokenAnswer
{
    private TokenAnswer(HttpStatusCode status, string? token, long length, string reason, bool transient, TimeSpan? expiresIn)
    {
        Status = status;
        Token = token;
        Length = length;
        Reason = reason;
        Transient = transient;
        ExpiresIn = expiresIn;
    }

    public HttpStatusCode Status { get; }

    public string? Token { get; }

    public long Length { get; }

    public string Reason { get; }

    public bool Transient { get; }

    public TimeSpan? ExpiresIn { get; }

    public static TokenAnswer Ok(HttpStatusCode status, string token, long length, TimeSpan? expiresIn = null) => new(status, token, length, string.Empty, false, expiresIn);

    public static TokenAnswer Failed(HttpStatusCode status, long length, string reason) => new(status, null, length, reason, CachedTokenSource.IsTransient(status), null);
}

/// <summary>
/// The control-plane token exchange: <c>GET AMBIENT_CP_TOKEN_URL</c> with a bearer that is base64 of RSA-OAEP-SHA256
/// encryption of <c>SESSION_ID</c> under <c>AMBIENT_CP_TOKEN_PUBLIC_KEY</c>; the answer is <c>{"token": "..."}</c> (at
/// most 64 KiB). 3 attempts of 10 s each, 1 s then 2 s apart (configurable), on a Polly pipeline.
/// </summary>
public sealed class ControlPlaneTokenExchange : CachedTokenSource
{
    private const string Kind = "control_plane_exchange";

    private readonly ControlPlaneExchangeOptions _options;
    private readonly Uri _tokenUrl;
    private readonly HttpClient _httpClient;
    private readonly ILogger _logger;
    private readonly CredentialMetrics _metrics;
    private readonly RSA _rsa;
    private readonly ResiliencePipeline<TokenAnswer> _pipeline;

    /// <summary>Creates the exchange, reachable only at the default token-endpoint hosts.</summary>
    /// <param name="options">Token URL, public key, session id, attempts and delays.</param>
    /// <param name="httpClient">The client to send with (redirects and proxies off).</param>
    /// <param name="timeProvider">Clock for timeouts and delays.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="metrics">Metrics.</param>
    public ControlPlaneTokenExchange(ControlPlaneExchangeOptions options, HttpClient httpClient, TimeProvider? timeProvider = null, ILogger<ControlPlaneTokenExchange>? logger = null, CredentialMetrics? metrics = null)
        : this(options, httpClient, HostAllowlist.Create(CredentialClientOptions.DefaultAllowedBackendHosts), timeProvider, logger, metrics)
    {
    }

    internal ControlPlaneTokenExchange(ControlPlaneExchangeOptions options, HttpClient httpClient, HostAllowlist allowedHosts, TimeProvider? timeProvider, ILogger? logger, CredentialMetrics? metrics)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options;
        _httpClient = httpClient;
        var url = UrlRules.RequireTokenEndpoint(options.TokenUrl, allowedHosts, EnvironmentVariables.ControlPlaneTokenUrl, "the session proof", nameof(options));

        if (string.IsNullOrWhiteSpace(options.SessionId))
        {
            throw new ArgumentException($"{EnvironmentVariables.SessionId} is required for the control-plane exchange.", nameof(options));
        }

        _tokenUrl = url;
        _rsa = RSA.Create();
        try
        {
            _rsa.ImportFromPem(options.PublicKeyPem ?? string.Empty);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            _rsa.Dispose();
            throw new ArgumentException($"{EnvironmentVariables.ControlPlanePublicKey}: not a PEM-encoded RSA public key.", nameof(options));
        }

        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics ?? CredentialMetrics.Shared;
        _pipeline = Pipeline(Math.Clamp(options.MaxAttempts, 1, 10), options.RetryDelay, options.AttemptTimeout, Time);
    }

    /// <inheritdoc />
    public override string Description => "control-plane token exchange (" + EnvironmentVariables.ControlPlaneTokenUrl + ")";

    /// <inheritdoc />
    protected override async Task<OidcToken> RequestAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        var max = Math.Clamp(_options.MaxAttempts, 1, 10);
        TokenAnswer answer;
        try
        {
            answer = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    var n = Interlocked.Increment(ref attempt);
                    try
                    {
                        var a = await AttemptAsync(ct).ConfigureAwait(false);
                        if (a.Token is null)
                        {
                            Log.ExchangeAttemptFailed(_logger, n, max, a.Reason);
                        }

                        return a;
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        _metrics.TokenRequest(Kind, "timeout");
                        Log.ExchangeAttemptFailed(_logger, n, max, "timed out");
                        throw;
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException)
                    {
                        _metrics.TokenRequest(Kind, e is ResponseTooLargeException ? "too_large" : "network_error");
                        Log.ExchangeAttemptFailed(_logger, n, max, Describe(e));
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new OidcTokenException($"The control-plane token exchange failed (timed out after {attempt} attempts).", null, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new OidcTokenException($"The control-plane token exchange failed ({Describe(e)}).", null, e);
        }

        if (answer.Token is null)
        {
            throw new OidcTokenException($"The control-plane token exchange failed ({((int)answer.Status >= 300 ? "last status " + Status(answer.Status) : answer.Reason)}, response length {answer.Length}).", answer.Status);
        }

        Log.ExchangeSucceeded(_logger, attempt);
        return new OidcToken(answer.Token);
    }

    private async Task<TokenAnswer> AttemptAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _tokenUrl);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + EncryptSessionId());
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await BoundedContent.ReadAsync(response.Content, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            _metrics.TokenRequest(Kind, Status(response.StatusCode));
            return TokenAnswer.Failed(response.StatusCode, body.Length, $"status {Status(response.StatusCode)} (length {body.Length})");
        }

        var token = ReadToken(body, "token", out var problem);
        if (token is null)
        {
            _metrics.TokenRequest(Kind, "malformed");
            return TokenAnswer.Failed(response.StatusCode, body.Length, $"status {Status(response.StatusCode)} but {problem} (length {body.Length})");
        }

        _metrics.TokenRequest(Kind, "success");
        return TokenAnswer.Ok(response.StatusCode, token, body.Length);
    }

    internal static string Describe(Exception e) => e switch
    {
        ResponseTooLargeException large => $"the answer is longer than {large.Limit} bytes",
        HttpRequestException h => "connection error: " + h.HttpRequestError,
        _ => "connection error: the answer was cut short",
    };

    private string EncryptSessionId()
    {
        var plaintext = Encoding.UTF8.GetBytes(_options.SessionId!.Trim());
        byte[] cipher;
        lock (_rsa)
        {
            cipher = _rsa.Encrypt(plaintext, RSAEncryptionPadding.OaepSHA256);
        }

        return Convert.ToBase64String(cipher);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _rsa.Dispose();
        }
    }
}

/// <summary>
/// An OAuth2 client-credentials grant (token URL, client id, secret), for services that hold their own OIDC
/// client. The token is kept until <see cref="ClientCredentialsOptions.RefreshBeforeExpiry"/> (30 s) before it
/// expires (<c>expires_in</c> is clamped to 1 s .. 24 h; absent or unusable, 5 minutes); refreshes are single-flight.
/// </summary>
public sealed class ClientCredentialsTokenSource : CachedTokenSource
{
    private const string Kind = "client_credentials";
    private static readonly TimeSpan s_defaultLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_maxLifetime = TimeSpan.FromHours(24);

    private readonly ClientCredentialsOptions _options;
    private readonly Uri _tokenUrl;
    private readonly HttpClient _httpClient;
    private readonly ILogger _logger;
    private readonly CredentialMetrics _metrics;
    private readonly ResiliencePipeline<TokenAnswer> _pipeline;

    /// <summary>Creates the source, reachable only at the default token-endpoint hosts.</summary>
    /// <param name="options">Token URL, client id and secret.</param>
    /// <param name="httpClient">The client to send with (redirects and proxies off).</param>
    /// <param name="timeProvider">Clock for expiry and timeouts.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="metrics">Metrics.</param>
    public ClientCredentialsTokenSource(ClientCredentialsOptions options, HttpClient httpClient, TimeProvider? timeProvider = null, ILogger<ClientCredentialsTokenSource>? logger = null, CredentialMetrics? metrics = null)
        : this(options, httpClient, HostAllowlist.Create(CredentialClientOptions.DefaultAllowedBackendHosts), timeProvider, logger, metrics)
    {
    }

    internal ClientCredentialsTokenSource(ClientCredentialsOptions options, HttpClient httpClient, HostAllowlist allowedHosts, TimeProvider? timeProvider, ILogger? logger, CredentialMetrics? metrics)
        : base(timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options;
        _httpClient = httpClient;
        var url = UrlRules.RequireTokenEndpoint(options.TokenUrl, allowedHosts, EnvironmentVariables.OidcTokenUrl, "the client secret", nameof(options));

        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException($"{EnvironmentVariables.OidcClientId} and {EnvironmentVariables.OidcClientSecret} are required.", nameof(options));
        }

        _tokenUrl = url;
        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics ?? CredentialMetrics.Shared;
        _pipeline = Pipeline(Math.Clamp(options.MaxAttempts, 1, 10), options.RetryDelay, options.RequestTimeout, Time);
    }

    /// <inheritdoc />
    public override string Description => "OAuth2 client-credentials grant (" + EnvironmentVariables.OidcTokenUrl + ")";

    /// <summary>When the token in memory expires, if there is one.</summary>
    public DateTimeOffset? ExpiresAt => Cached?.ExpiresAt;

    /// <inheritdoc />
    protected override async Task<OidcToken> RequestAsync(CancellationToken cancellationToken)
    {
        var requestedAt = Time.GetUtcNow();
        TokenAnswer answer;
        try
        {
            answer = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    try
                    {
                        return await AttemptAsync(ct).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        _metrics.TokenRequest(Kind, "timeout");
                        Log.ClientCredentialsFailed(_logger, "timed out");
                        throw;
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException)
                    {
                        _metrics.TokenRequest(Kind, e is ResponseTooLargeException ? "too_large" : "network_error");
                        Log.ClientCredentialsFailed(_logger, ControlPlaneTokenExchange.Describe(e));
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new OidcTokenException("The client-credentials token request timed out.", null, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new OidcTokenException($"The client-credentials token request failed ({ControlPlaneTokenExchange.Describe(e)}).", null, e);
        }

        if (answer.Token is null)
        {
            Log.ClientCredentialsFailed(_logger, answer.Reason);
            throw new OidcTokenException((int)answer.Status >= 300
                ? $"The client-credentials token request failed with status {Status(answer.Status)} (response length {answer.Length})."
                : $"The client-credentials answer is unusable: {answer.Reason}.", answer.Status);
        }

        var lifetime = answer.ExpiresIn ?? s_defaultLifetime;
        var expiresAt = requestedAt + lifetime;
        var token = new OidcToken(answer.Token, expiresAt, expiresAt - (_options.RefreshBeforeExpiry < lifetime ? _options.RefreshBeforeExpiry : TimeSpan.Zero));
        Log.ClientCredentialsRefreshed(_logger, expiresAt);
        return token;
    }

    private async Task<TokenAnswer> AttemptAsync(CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", _options.ClientId!),
            new("client_secret", _options.ClientSecret!),
        };
        if (!string.IsNullOrWhiteSpace(_options.Scope))
        {
            form.Add(new("scope", _options.Scope!));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await BoundedContent.ReadAsync(response.Content, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            _metrics.TokenRequest(Kind, Status(response.StatusCode));
            Log.ClientCredentialsFailed(_logger, $"status {Status(response.StatusCode)} (length {body.Length})");
            return TokenAnswer.Failed(response.StatusCode, body.Length, $"status {Status(response.StatusCode)}");
        }

        var token = ReadToken(body, "access_token", out var problem);
        if (token is null)
        {
            _metrics.TokenRequest(Kind, "malformed");
            return TokenAnswer.Failed(response.StatusCode, body.Length, $"{problem} (response length {body.Length})");
        }

        _metrics.TokenRequest(Kind, "success");
        return TokenAnswer.Ok(response.StatusCode, token, body.Length, ExpiresIn(body));
    }

    /// <summary><c>expires_in</c> as a number or a numeric string, clamped to 1 s .. 24 h; null when absent or unusable.</summary>
    internal static TimeSpan? ExpiresIn(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("expires_in", out var expires))
            {
                return null;
            }

            double seconds;
            if (expires.ValueKind == JsonValueKind.Number && expires.TryGetDouble(out var n))
            {
                seconds = n;
            }
            else if (expires.ValueKind == JsonValueKind.String && double.TryParse(expires.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                seconds = s;
            }
            else
            {
                return null;
            }

            if (!double.IsFinite(seconds) || seconds <= 0)
            {
                return null;
            }

            return seconds >= s_maxLifetime.TotalSeconds ? s_maxLifetime : TimeSpan.FromSeconds(Math.Max(1, seconds));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
