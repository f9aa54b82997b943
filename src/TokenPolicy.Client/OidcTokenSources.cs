using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TokenPolicy.Credentials;

/// <summary>
/// A source of the control plane's OIDC token kept in memory: the control-plane exchange or a client-credentials
/// grant. Concurrent refreshes collapse into one request.
/// </summary>
public interface IOidcTokenSource
{
    /// <summary>A short description for error messages (no secrets).</summary>
    string Description { get; }

    /// <summary>The token in memory, if any and still valid; never does network I/O.</summary>
    string? CachedToken { get; }

    /// <summary>
    /// The token in memory, or a new one. With <paramref name="refusedToken"/>, a token equal to it is not returned:
    /// a new one is requested (unless another caller already replaced it).
    /// </summary>
    /// <param name="refusedToken">A token the server refused, to be replaced.</param>
    /// <param name="cancellationToken">Cancels this caller's wait (not the shared request).</param>
    /// <returns>The token.</returns>
    /// <exception cref="OidcTokenException">No token could be obtained.</exception>
    ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken = default);
}

/// <summary>A token endpoint did not give a token. The message holds statuses and reasons only.</summary>
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

/// <summary>Runs one shared request at a time and lets every caller wait for it with its own cancellation.</summary>
internal sealed class SingleFlight
{
    private readonly object _gate = new();
    private Task<string>? _inflight;

    public Task<string>? Join(Func<bool> stillNeeded, Func<Task<string>> start, out bool joinedExisting)
    {
        lock (_gate)
        {
            joinedExisting = false;
            if (_inflight is { IsCompleted: false })
            {
                joinedExisting = true;
                return _inflight;
            }

            if (!stillNeeded())
            {
                return null;
            }

            _inflight = Task.Run(start);
            return _inflight;
        }
    }
}

/// <summary>
/// The control-plane token exchange: <c>GET AMBIENT_CP_TOKEN_URL</c> with a bearer that is base64 of RSA-OAEP-SHA256
/// encryption of <c>SESSION_ID</c> under <c>AMBIENT_CP_TOKEN_PUBLIC_KEY</c>; the answer is <c>{"token": "..."}</c>.
/// 3 attempts of 10 s each, 1 s then 2 s apart (configurable).
/// </summary>
public sealed class ControlPlaneTokenExchange : IOidcTokenSource, IDisposable
{
    private readonly ControlPlaneExchangeOptions _options;
    private readonly Uri _tokenUrl;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CredentialMetrics _metrics;
    private readonly RSA _rsa;
    private readonly SingleFlight _flight = new();
    private readonly CancellationTokenSource _disposed = new();
    private volatile string? _token;

    /// <summary>Creates the exchange.</summary>
    /// <param name="options">Token URL, public key, session id, attempts and delays.</param>
    /// <param name="httpClient">The client to send with (redirects should be off).</param>
    /// <param name="timeProvider">Clock for timeouts and delays.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="metrics">Metrics.</param>
    public ControlPlaneTokenExchange(ControlPlaneExchangeOptions options, HttpClient httpClient, TimeProvider? timeProvider = null, ILogger<ControlPlaneTokenExchange>? logger = null, CredentialMetrics? metrics = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        if (!UrlRules.TryValidate(options.TokenUrl, out var url, out var problem))
        {
            throw new ArgumentException($"{EnvironmentVariables.ControlPlaneTokenUrl}: {problem}", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.SessionId))
        {
            throw new ArgumentException($"{EnvironmentVariables.SessionId} is required for the control-plane exchange.", nameof(options));
        }

        _tokenUrl = url!;
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

        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = metrics ?? CredentialMetrics.Shared;
    }

    /// <inheritdoc />
    public string Description => "control-plane token exchange (" + EnvironmentVariables.ControlPlaneTokenUrl + ")";

    /// <inheritdoc />
    public string? CachedToken => _token;

    /// <inheritdoc />
    public async ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = _token;
            if (current is not null && !string.Equals(current, refusedToken, StringComparison.Ordinal))
            {
                return current;
            }

            var flight = _flight.Join(
                () =>
                {
                    var now = _token;
                    return now is null || string.Equals(now, refusedToken, StringComparison.Ordinal);
                },
                () => ExchangeAsync(_disposed.Token),
                out _);
            if (flight is null)
            {
                continue; // another caller replaced the token meanwhile
            }

            return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> ExchangeAsync(CancellationToken cancellationToken)
    {
        var maxAttempts = Math.Max(1, _options.MaxAttempts);
        HttpStatusCode? lastStatus = null;
        Exception? lastError = null;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                var delay = TimeSpan.FromTicks(_options.RetryDelay.Ticks * (1L << (attempt - 2)));
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, _tokenUrl);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EncryptSessionId());
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
                lastStatus = response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var token = ReadToken(body);
                    if (token is not null)
                    {
                        _token = token;
                        _metrics.TokenRequest("control_plane_exchange", "success");
                        Log.ExchangeSucceeded(_logger, attempt);
                        return token;
                    }

                    lastError = null;
                    Log.ExchangeAttemptFailed(_logger, attempt, maxAttempts, $"status {(int)response.StatusCode} without a token (length {body.Length})");
                    _metrics.TokenRequest("control_plane_exchange", "malformed");
                    continue;
                }

                _metrics.TokenRequest("control_plane_exchange", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Log.ExchangeAttemptFailed(_logger, attempt, maxAttempts, $"status {(int)response.StatusCode} (length {body.Length})");
                if (!IsTransient(response.StatusCode))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = new TimeoutException($"The attempt timed out after {_options.AttemptTimeout.TotalSeconds:0.###} s.");
                _metrics.TokenRequest("control_plane_exchange", "timeout");
                Log.ExchangeAttemptFailed(_logger, attempt, maxAttempts, "timed out");
            }
            catch (HttpRequestException e)
            {
                lastError = e;
                _metrics.TokenRequest("control_plane_exchange", "network_error");
                Log.ExchangeAttemptFailed(_logger, attempt, maxAttempts, "connection error: " + e.HttpRequestError);
            }
        }

        var reason = lastStatus is { } s && (int)s >= 300 ? $"last status {(int)s}" : lastError is TimeoutException ? "timed out" : lastError is not null ? "connection error" : "no token in the answer";
        throw new OidcTokenException($"The control-plane token exchange failed ({reason}).", lastStatus, lastError);
    }

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

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout || (int)status == 429;

    private static string? ReadToken(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("token", out var token)
                && token.ValueKind == JsonValueKind.String)
            {
                var value = token.GetString()?.Trim();
                return string.IsNullOrEmpty(value) ? null : value;
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        _rsa.Dispose();
    }
}

/// <summary>
/// An OAuth2 client-credentials grant (token URL, client id, secret), for services that hold their own OIDC
/// client. The token is kept until <see cref="ClientCredentialsOptions.RefreshBeforeExpiry"/> (30 s) before it
/// expires; concurrent refreshes collapse into one request.
/// </summary>
public sealed class ClientCredentialsTokenSource : IOidcTokenSource, IDisposable
{
    private readonly ClientCredentialsOptions _options;
    private readonly Uri _tokenUrl;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CredentialMetrics _metrics;
    private readonly SingleFlight _flight = new();
    private readonly CancellationTokenSource _disposed = new();
    private volatile Cached? _cached;

    /// <summary>Creates the source.</summary>
    /// <param name="options">Token URL, client id and secret.</param>
    /// <param name="httpClient">The client to send with.</param>
    /// <param name="timeProvider">Clock for expiry and timeouts.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="metrics">Metrics.</param>
    public ClientCredentialsTokenSource(ClientCredentialsOptions options, HttpClient httpClient, TimeProvider? timeProvider = null, ILogger<ClientCredentialsTokenSource>? logger = null, CredentialMetrics? metrics = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        if (!UrlRules.TryValidate(options.TokenUrl, out var url, out var problem))
        {
            throw new ArgumentException($"{EnvironmentVariables.OidcTokenUrl}: {problem}", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new ArgumentException($"{EnvironmentVariables.OidcClientId} and {EnvironmentVariables.OidcClientSecret} are required.", nameof(options));
        }

        _tokenUrl = url!;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _metrics = metrics ?? CredentialMetrics.Shared;
    }

    /// <inheritdoc />
    public string Description => "OAuth2 client-credentials grant (" + EnvironmentVariables.OidcTokenUrl + ")";

    /// <inheritdoc />
    public string? CachedToken
    {
        get
        {
            var cached = _cached;
            return cached is not null && IsFresh(cached) ? cached.Token : null;
        }
    }

    /// <summary>When the token in memory expires, if there is one.</summary>
    public DateTimeOffset? ExpiresAt => _cached?.ExpiresAt;

    /// <inheritdoc />
    public async ValueTask<string> GetTokenAsync(string? refusedToken, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = CachedToken;
            if (current is not null && !string.Equals(current, refusedToken, StringComparison.Ordinal))
            {
                return current;
            }

            var flight = _flight.Join(
                () =>
                {
                    var now = CachedToken;
                    return now is null || string.Equals(now, refusedToken, StringComparison.Ordinal);
                },
                () => RequestAsync(_disposed.Token),
                out _);
            if (flight is null)
            {
                continue;
            }

            return await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsFresh(Cached cached) => _time.GetUtcNow() < cached.ExpiresAt - _options.RefreshBeforeExpiry;

    private async Task<string> RequestAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
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

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var requestedAt = _time.GetUtcNow();
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                _metrics.TokenRequest("client_credentials", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Log.ClientCredentialsFailed(_logger, $"status {(int)response.StatusCode} (length {body.Length})");
                throw new OidcTokenException($"The client-credentials token request failed with status {(int)response.StatusCode} (response length {body.Length}).", response.StatusCode);
            }

            if (!TryRead(body, out var token, out var expiresIn))
            {
                _metrics.TokenRequest("client_credentials", "malformed");
                Log.ClientCredentialsFailed(_logger, $"no access_token in the answer (length {body.Length})");
                throw new OidcTokenException($"The client-credentials answer has no access_token (response length {body.Length}).", response.StatusCode);
            }

            var cached = new Cached(token, requestedAt + expiresIn);
            _cached = cached;
            _metrics.TokenRequest("client_credentials", "success");
            Log.ClientCredentialsRefreshed(_logger, cached.ExpiresAt);
            return token;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            _metrics.TokenRequest("client_credentials", "timeout");
            Log.ClientCredentialsFailed(_logger, "timed out");
            throw new OidcTokenException("The client-credentials token request timed out.", null, e);
        }
        catch (HttpRequestException e)
        {
            _metrics.TokenRequest("client_credentials", "network_error");
            Log.ClientCredentialsFailed(_logger, "connection error: " + e.HttpRequestError);
            throw new OidcTokenException("The client-credentials token request failed (connection error).", null, e);
        }
    }

    private static bool TryRead(byte[] body, out string token, out TimeSpan expiresIn)
    {
        token = string.Empty;
        expiresIn = TimeSpan.FromMinutes(5);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var access)
                || access.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(access.GetString()))
            {
                return false;
            }

            token = access.GetString()!.Trim();
            if (root.TryGetProperty("expires_in", out var expires))
            {
                if (expires.ValueKind == JsonValueKind.Number && expires.TryGetDouble(out var seconds) && seconds > 0)
                {
                    expiresIn = TimeSpan.FromSeconds(seconds);
                }
                else if (expires.ValueKind == JsonValueKind.String && double.TryParse(expires.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0)
                {
                    expiresIn = TimeSpan.FromSeconds(s);
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private sealed class Cached
    {
        public Cached(string token, DateTimeOffset expiresAt)
        {
            Token = token;
            ExpiresAt = expiresAt;
        }

        public string Token { get; }

        public DateTimeOffset ExpiresAt { get; }
    }
}
