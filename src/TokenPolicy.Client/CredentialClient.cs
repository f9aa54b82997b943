using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace TokenPolicy.Credentials;

/// <summary>
/// Fetches provider credentials from the platform backend, authenticated the sanctioned way: the caller's token, else
/// the control plane's OIDC token, with the exfiltration guard and the fallbacks of the platform (caller refused: one
/// try with the bot token; bot refused: one refresh and retry). A typed client: obtain it from dependency injection
/// after <c>AddTokenPolicyCredentials</c>.
/// </summary>
public sealed class CredentialClient
{
    /// <summary>The header that names the user on whose behalf the runner works.</summary>
    public const string CurrentUserHeader = "X-Runner-Current-User";

    private const long MaxResponseBytes = 1024 * 1024;

    private readonly HttpClient _httpClient;
    private readonly CredentialTokenResolver _resolver;
    private readonly CredentialMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Uri? _backend;
    private readonly string? _project;
    private readonly Dictionary<string, string> _ids;
    private readonly HostAllowlist _allowlist;
    private readonly TimeSpan _bodyTimeout;

    /// <summary>Creates the client (normally done by <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">The client, with the resilience pipeline of <c>AddTokenPolicyCredentials</c>.</param>
    /// <param name="resolver">The token resolver.</param>
    /// <param name="options">Backend URL, credential ids, project, allowlist.</param>
    /// <param name="metrics">Metrics.</param>
    /// <param name="logger">Logger.</param>
    public CredentialClient(HttpClient httpClient, CredentialTokenResolver resolver, IOptions<CredentialClientOptions> options, CredentialMetrics? metrics = null, ILogger<CredentialClient>? logger = null)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        var o = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _metrics = metrics ?? CredentialMetrics.Shared;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _allowlist = HostAllowlist.Create(o.AllowedBackendHosts);
        _project = o.EffectiveProject;
        _bodyTimeout = o.Http.AttemptTimeout;
        if (!CredentialIdMap.TryBuild(o, out _ids, null))
        {
            throw new OptionsValidationException(nameof(CredentialClientOptions), typeof(CredentialClientOptions), CredentialClientOptionsValidator.Collect(o));
        }

        if (o.BackendApiUrl is not null)
        {
            if (!UrlRules.TryValidate(o.BackendApiUrl, out var backend, out var problem))
            {
                throw new OptionsValidationException(nameof(CredentialClientOptions), typeof(CredentialClientOptions), new[] { $"{EnvironmentVariables.BackendApiUrl}: {problem}" });
            }

            _backend = backend;
        }
    }

    /// <summary>
    /// Fetches the credential of <paramref name="provider"/>: <c>GET {BACKEND_API_URL}/api/ambient/v1[/projects/{project}]/credentials/{id}/token</c>.
    /// </summary>
    /// <param name="provider">The provider, a key of <c>CREDENTIAL_IDS</c> (for example <c>github</c>, <c>jira</c>).</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The credential, or <see cref="CredentialResultStatus.NotConfigured"/> or <see cref="CredentialResultStatus.NotFound"/>.</returns>
    /// <exception cref="CredentialTokenUnavailableException">No caller and no bot token; nothing was sent.</exception>
    /// <exception cref="CredentialHostNotAllowedException">The backend host is not allowed; nothing was sent.</exception>
    /// <exception cref="CredentialAuthenticationException">The backend refused every token tried.</exception>
    /// <exception cref="CredentialFetchException">Another failure (status and response length only).</exception>
    public async Task<CredentialResult> GetAsync(string provider, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            throw new ArgumentException("The provider must not be empty.", nameof(provider));
        }

        provider = provider.Trim();
        var started = Stopwatch.GetTimestamp();
        var outcome = "failure";
        try
        {
            var result = await FetchAsync(provider, cancellationToken).ConfigureAwait(false);
            outcome = result.Status switch
            {
                CredentialResultStatus.Success => "success",
                CredentialResultStatus.NotFound => "not_found",
                _ => "not_configured",
            };
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            _metrics.Fetch(provider, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<CredentialResult> FetchAsync(string provider, CancellationToken cancellationToken)
    {
        if (!_ids.TryGetValue(provider, out var credentialId))
        {
            Log.NotConfigured(_logger, provider);
            return CredentialResult.NotConfigured(provider);
        }

        if (_backend is null)
        {
            throw new InvalidOperationException($"{EnvironmentVariables.BackendApiUrl} ({CredentialClientOptions.SectionName}:{nameof(CredentialClientOptions.BackendApiUrl)}) is not set, so the '{provider}' credential cannot be fetched.");
        }

        var uri = BuildUri(credentialId);
        if (!_allowlist.IsAllowed(uri))
        {
            Log.HostRefused(_logger, uri.IdnHost);
            _metrics.Failure(provider, "host_refused", null);
            throw new CredentialHostNotAllowedException(uri.IdnHost);
        }

        var caller = _resolver.TryResolveCaller();
        HttpStatusCode? callerRefusal = null;
        if (caller is not null)
        {
            var response = await SendAsync(provider, credentialId, uri, caller, caller.UserId, cancellationToken).ConfigureAwait(false);
            if (!IsRefusal(response.Status))
            {
                return Complete(provider, credentialId, response, caller.Source);
            }

            callerRefusal = response.Status;
            _metrics.Failure(provider, Status(response.Status), TokenSource.Caller);
            Log.CallerRefused(_logger, provider, (int)response.Status);
        }

        var tried = new List<string>();
        if (caller is null)
        {
            tried.Add("caller token: none for the current work");
        }

        var bot = await _resolver.ResolveBotAsync(null, tried, cancellationToken).ConfigureAwait(false);
        if (bot is null)
        {
            if (callerRefusal is { } refused)
            {
                Log.AuthenticationFailed(_logger, provider, (int)refused, TokenSource.Caller);
                throw new CredentialAuthenticationException(provider, refused, TokenSource.Caller);
            }

            _metrics.Failure(provider, "no_token", null);
            throw new CredentialTokenUnavailableException(tried);
        }

        var botResponse = await SendAsync(provider, credentialId, uri, bot, caller?.UserId, cancellationToken).ConfigureAwait(false);
        if (IsRefusal(botResponse.Status))
        {
            _metrics.Failure(provider, Status(botResponse.Status), TokenSource.ControlPlaneOidc);
            Log.BotRefused(_logger, provider, (int)botResponse.Status);
            var refreshed = await _resolver.RefreshBotTokenAsync(bot, cancellationToken).ConfigureAwait(false);
            if (refreshed is not null)
            {
                botResponse = await SendAsync(provider, credentialId, uri, refreshed, caller?.UserId, cancellationToken).ConfigureAwait(false);
                if (IsRefusal(botResponse.Status))
                {
                    _metrics.Failure(provider, Status(botResponse.Status), TokenSource.ControlPlaneOidc);
                }
            }

            if (IsRefusal(botResponse.Status))
            {
                Log.AuthenticationFailed(_logger, provider, (int)botResponse.Status, TokenSource.ControlPlaneOidc);
                throw new CredentialAuthenticationException(provider, botResponse.Status, TokenSource.ControlPlaneOidc);
            }
        }

        return Complete(provider, credentialId, botResponse, TokenSource.ControlPlaneOidc);
    }

    private Uri BuildUri(string credentialId)
    {
        var baseText = _backend!.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var path = _project is null
            ? $"/api/ambient/v1/credentials/{Uri.EscapeDataString(credentialId)}/token"
            : $"/api/ambient/v1/projects/{Uri.EscapeDataString(_project)}/credentials/{Uri.EscapeDataString(credentialId)}/token";
        return new Uri(baseText + path, UriKind.Absolute);
    }

    private async Task<Answer> SendAsync(string provider, string credentialId, Uri uri, ResolvedToken token, string? userId, CancellationToken cancellationToken)
    {
        Log.Fetching(_logger, provider, credentialId, token.Source);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = token.ToAuthorizationHeader();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (userId is not null)
        {
            request.Headers.TryAddWithoutValidation(CurrentUserHeader, userId);
        }

        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyTimeout.CancelAfter(_bodyTimeout);
            var body = await ReadBoundedAsync(response.Content, bodyTimeout.Token).ConfigureAwait(false);
            return new Answer(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException)
        {
            _metrics.Failure(provider, "timeout", token.Source);
            Log.FetchTransportFailed(_logger, provider, "timed out");
            throw new CredentialFetchException(provider, $"Fetching the '{provider}' credential timed out.", innerException: e);
        }
        catch (HttpRequestException e)
        {
            _metrics.Failure(provider, "network_error", token.Source);
            Log.FetchTransportFailed(_logger, provider, "connection error: " + e.HttpRequestError);
            throw new CredentialFetchException(provider, $"Fetching the '{provider}' credential failed without a response ({e.HttpRequestError}).", innerException: e);
        }
    }

    private CredentialResult Complete(string provider, string credentialId, Answer answer, TokenSource source)
    {
        if (answer.Status == HttpStatusCode.NotFound)
        {
            Log.NotFound(_logger, provider, credentialId);
            return CredentialResult.NotFound(provider, credentialId);
        }

        if ((int)answer.Status is >= 200 and < 300)
        {
            var credential = ProviderCredential.Parse(provider, credentialId, answer.Body);
            if (credential is not null)
            {
                return CredentialResult.Success(credential);
            }

            _metrics.Failure(provider, "malformed", source);
            Log.FetchFailed(_logger, provider, (int)answer.Status, answer.Body.LongLength);
            throw new CredentialFetchException(provider, $"The backend's answer for the '{provider}' credential has no token: status {(int)answer.Status}, response length {answer.Body.LongLength}.", answer.Status, answer.Body.LongLength);
        }

        _metrics.Failure(provider, Status(answer.Status), source);
        Log.FetchFailed(_logger, provider, (int)answer.Status, answer.Body.LongLength);
        throw new CredentialFetchException(provider, $"Fetching the '{provider}' credential failed: status {(int)answer.Status}, response length {answer.Body.LongLength}.", answer.Status, answer.Body.LongLength);
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > MaxResponseBytes)
        {
            throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "The response exceeds 1 MiB.");
        }

        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);

        // Common case: a declared length, read straight into an array of that size.
        if (declared is { } length)
        {
            var exact = new byte[length];
            var filled = 0;
            int count;
            while (filled < exact.Length && (count = await stream.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += count;
            }

            // A body longer than declared is refused like any over-long body; a shorter one is what arrived.
            if (filled == exact.Length && await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "The response is longer than its Content-Length.");
            }

            return filled == exact.Length ? exact : exact.AsSpan(0, filled).ToArray();
        }

        using var buffer = new System.IO.MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "The response exceeds 1 MiB.");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    private static string Status(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);

    private readonly struct Answer
    {
        public Answer(HttpStatusCode status, byte[] body)
        {
            Status = status;
            Body = body;
        }

        public HttpStatusCode Status { get; }

        public byte[] Body { get; }
    }
}
