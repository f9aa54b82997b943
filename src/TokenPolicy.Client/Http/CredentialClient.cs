using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace TokenPolicy.Credentials;

/// <summary>
/// Fetches provider credentials from the platform backend. A typed client over the pipeline of
/// <c>AddTokenPolicyCredentials</c> (resilience, then <see cref="CallerOrOidcAuthorizationHandler"/>, which holds the
/// one fallback policy and checks every hop); it builds the request and turns the answer into a
/// <see cref="CredentialResult"/> or a typed exception. Built by hand around any <see cref="HttpClient"/>, it puts the
/// same handler in front of that client and switches off its redirects and implicit proxy.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification =
    "The invoker never owns the factory's handlers (disposeHandler: false); around a foreign client it holds managed " +
    "state and the caller's own HttpClient, which stays the caller's to dispose; " +
    "an IDisposable typed client would be tracked, and kept alive, by every DI scope that resolves it.")]
public sealed class CredentialClient
{
    /// <summary>The header that names the user on whose behalf the runner works.</summary>
    public const string CurrentUserHeader = "X-Runner-Current-User";

    /// <summary>The largest answer read (1 MiB).</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>The provider tag (metrics, logs, results) of a fetch by an id that <c>CREDENTIAL_IDS</c> does not list.</summary>
    public const string UnlistedProvider = "unlisted";

    private static readonly FieldInfo? s_invokerHandler = typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.NonPublic | BindingFlags.Instance);

    private readonly HttpMessageInvoker _invoker;
    private readonly HttpClient? _client;
    private readonly CredentialSettings _settings;
    private readonly CredentialMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Target> _targets;
    private readonly Dictionary<string, Target> _targetsById;
    private readonly TimeSpan? _foreignTimeout;
    private readonly ResiliencePipelineHandler? _resilience;

    /// <summary>Creates the client (normally done by <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">
    /// The factory's client with the pipeline of <c>AddTokenPolicyCredentials</c>; or any other client, which then gets
    /// the authorization handler in front, and its handler's redirects and implicit (environment) proxy switched off.
    /// </param>
    /// <param name="resolver">The token resolver.</param>
    /// <param name="options">Backend URL, credential ids, project, allowlist.</param>
    /// <param name="metrics">Metrics.</param>
    /// <param name="logger">Logger.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="ArgumentException">The given client follows redirects or uses the environment's proxy and has already sent requests.</exception>
    public CredentialClient(HttpClient httpClient, CredentialTokenResolver resolver, IOptions<CredentialClientOptions> options, CredentialMetrics? metrics = null, ILogger<CredentialClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);
        _settings = CredentialSettings.Valid(options.Value);
        _metrics = metrics ?? CredentialMetrics.Shared;
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        var handler = s_invokerHandler?.GetValue(httpClient) as HttpMessageHandler;
        if (ContainsAuthorizationHandler(handler))
        {
            // The factory's pipeline: send through its handlers directly (the HttpClient wrapper adds nothing here).
            _client = httpClient.BaseAddress is null && httpClient.DefaultRequestHeaders.NonValidated.Count == 0 ? null : httpClient;
            _invoker = _client ?? new HttpMessageInvoker(handler!, disposeHandler: false);
            _resilience = _client is null ? OwnPipeline(handler) : null;
        }
        else
        {
            var transport = Transport.HardenClient(httpClient, _settings.Proxy);
            var authorization = new CallerOrOidcAuthorizationHandler(resolver, _settings, _metrics, _logger)
            {
                InnerHandler = new ForeignClientHandler(httpClient),
                Transport = transport,
            };
            _invoker = new HttpMessageInvoker(authorization, disposeHandler: true);

            // No resilience pipeline here: one attempt, bounded by the attempt timeout (body included).
            _foreignTimeout = _settings.Http.AttemptTimeout;
        }

        _targets = new Dictionary<string, Target>(StringComparer.OrdinalIgnoreCase);
        foreach (var (provider, id) in _settings.Ids)
        {
            _targets[provider] = new Target(provider, id, _settings.Backend is null ? null : BuildUri(_settings.Backend, _settings.Project, id));
        }

        // The configured ids, for GetByIdAsync: bounded by CREDENTIAL_IDS (an id named by two providers: the first by name).
        _targetsById = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var target in _targets.Values.OrderBy(t => t.Provider, StringComparer.OrdinalIgnoreCase))
        {
            _targetsById.TryAdd(target.CredentialId, target);
        }
    }

    /// <summary>
    /// Fetches the credential of <paramref name="provider"/>: <c>GET {BACKEND_API_URL}/api/ambient/v1[/projects/{project}]/credentials/{id}/token</c>.
    /// </summary>
    /// <param name="provider">The provider, a key of <c>CREDENTIAL_IDS</c> (for example <c>github</c>, <c>jira</c>); <c>[A-Za-z0-9_-]{1,64}</c>.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The credential, or <see cref="CredentialResultStatus.NotConfigured"/> or <see cref="CredentialResultStatus.NotFound"/>.</returns>
    /// <exception cref="ArgumentException">The provider name is empty, longer than 64 characters or holds other characters.</exception>
    /// <exception cref="CredentialTokenUnavailableException">No caller and no bot token, or a malformed caller token; nothing was sent.</exception>
    /// <exception cref="CredentialHostNotAllowedException">The backend host, or the proxy towards it, is not allowed; nothing was sent.</exception>
    /// <exception cref="CredentialAuthenticationException">The backend refused every token tried.</exception>
    /// <exception cref="CredentialFetchException">Another failure: status and response length when a response arrived, never the body.</exception>
    public Task<CredentialResult> GetAsync(string provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var name = provider.AsSpan().Trim();
        if (!Names.IsValidId(name))
        {
            throw new ArgumentException($"The provider name must match [A-Za-z0-9_-]{{1,{Names.MaxLength}}}.", nameof(provider));
        }

        if (_targets.TryGetValue(name.Length == provider.Length ? provider : name.ToString(), out var target))
        {
            return FetchAsync(target, cancellationToken);
        }

        var tag = name.ToString().ToLowerInvariant();
        Log.NotConfigured(_logger, tag);
        _metrics.Fetch(tag, "not_configured", TimeSpan.Zero);
        return Task.FromResult(CredentialResult.NotConfigured(name.ToString()));
    }

    /// <summary>
    /// Fetches the credential with id <paramref name="credentialId"/>:
    /// <c>GET {BACKEND_API_URL}/api/ambient/v1[/projects/{project}]/credentials/{credentialId}/token</c>, through the same
    /// handler, fallbacks and typed failures as <see cref="GetAsync"/>. For code that knows the id rather than the provider
    /// (what the TP0004 code fix rewrites a hand-built fetch to).
    /// </summary>
    /// <param name="credentialId">The credential id; <c>[A-Za-z0-9_-]{1,64}</c> after trimming, like the ids of <c>CREDENTIAL_IDS</c>.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>
    /// The credential, or <see cref="CredentialResultStatus.NotFound"/> (404). Its <see cref="CredentialResult.Provider"/>, and the
    /// <c>provider</c> tag of its metrics, is the provider <c>CREDENTIAL_IDS</c> maps to that id, else <see cref="UnlistedProvider"/>.
    /// </returns>
    /// <exception cref="ArgumentException">The id is empty, longer than 64 characters or holds other characters; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException"><c>BACKEND_API_URL</c> is not set; nothing was sent.</exception>
    /// <exception cref="CredentialTokenUnavailableException">No caller and no bot token, or a malformed caller token; nothing was sent.</exception>
    /// <exception cref="CredentialHostNotAllowedException">The backend host, or the proxy towards it, is not allowed; nothing was sent.</exception>
    /// <exception cref="CredentialAuthenticationException">The backend refused every token tried.</exception>
    /// <exception cref="CredentialFetchException">Another failure: status and response length when a response arrived, never the body.</exception>
    public Task<CredentialResult> GetByIdAsync(string credentialId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        var id = credentialId.AsSpan().Trim();
        if (!Names.IsValidId(id))
        {
            throw new ArgumentException($"The credential id must match [A-Za-z0-9_-]{{1,{Names.MaxLength}}}.", nameof(credentialId));
        }

        var text = id.Length == credentialId.Length ? credentialId : id.ToString();
        if (_targetsById.TryGetValue(text, out var listed))
        {
            return FetchAsync(listed, cancellationToken);
        }

        // Not cached: an id from the caller builds its URI per call (nothing grows with the ids asked for).
        return FetchAsync(new Target(UnlistedProvider, text, _settings.Backend is null ? null : BuildUri(_settings.Backend, _settings.Project, text)), cancellationToken);
    }

    private async Task<CredentialResult> FetchAsync(Target target, CancellationToken cancellationToken)
    {
        var uri = target.Uri ?? throw new InvalidOperationException($"{EnvironmentVariables.BackendApiUrl} ({CredentialClientOptions.SectionName}:{nameof(CredentialClientOptions.BackendApiUrl)}) is not set, so the '{target.Provider}' credential cannot be fetched.");
        // The clock is read only for a duration histogram someone listens to (two clock reads per fetch otherwise).
        var started = _metrics.MeasuresDuration ? Stopwatch.GetTimestamp() : 0;
        var outcome = "failure";
        var provider = target.Provider;
        if (cancellationToken.IsCancellationRequested)
        {
            _metrics.Fetch(provider, "cancelled", TimeSpan.Zero);
            cancellationToken.ThrowIfCancellationRequested();
        }

        Log.Fetching(_logger, provider, target.CredentialId);

        var fetch = new CallerOrOidcAuthorizationHandler.FetchContext(provider, callerFallback: true);
        using var request = new CallerOrOidcAuthorizationHandler.CredentialRequest(uri, fetch);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var timeout = _foreignTimeout is { } limit ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        timeout?.CancelAfter(_foreignTimeout!.Value);
        try
        {
            // The handler reads the body within the attempt (the attempt timeout and the 1 MiB limit cover it).
            HttpResponseMessage sent;
            if (_resilience is { } pipeline)
            {
                // The factory's own pipeline: run its resilience handler's steps here (one async layer fewer); a first
                // attempt answered 2xx is final, anything else goes through the retry.
                var execution = pipeline.Begin(cancellationToken);
                try
                {
                    var first = await pipeline.FirstAttempt(execution, request).ConfigureAwait(false);
                    sent = pipeline.Finish(execution, ResiliencePipelineHandler.IsSettled(first) ? first : await pipeline.RetryAsync(execution, request, first).ConfigureAwait(false));
                }
                finally
                {
                    pipeline.End(execution);
                }
            }
            else
            {
                sent = _client is null
                    ? await _invoker.SendAsync(request, timeout?.Token ?? cancellationToken).ConfigureAwait(false)
                    : await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }

            using var response = sent;
            var body = fetch.Body ?? await BoundedContent.ReadAsync(response.Content, MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            var result = Complete(target, response.StatusCode, body, fetch.LastSource);
            outcome = result.Status == CredentialResultStatus.Success ? "success" : "not_found";
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        catch (CredentialTokenUnavailableException)
        {
            _metrics.Failure(provider, "no_token", null);
            throw;
        }
        catch (CredentialHostNotAllowedException)
        {
            _metrics.Failure(provider, "host_refused", null);
            throw;
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException)
        {
            var status = fetch.Status;
            _metrics.Failure(provider, "timeout", fetch.LastSource);
            Log.FetchTransportFailed(_logger, provider, status is null ? "timed out" : "timed out reading the answer");
            throw new CredentialFetchException(provider, $"Fetching the '{provider}' credential timed out{(status is { } s ? $" reading the answer to status {(int)s}" : string.Empty)}.", status, null, e);
        }
        catch (ResponseTooLargeException e)
        {
            var status = fetch.Status;
            _metrics.Failure(provider, "too_large", fetch.LastSource);
            Log.FetchFailed(_logger, provider, (int)status!.Value, e.Length);
            throw new CredentialFetchException(provider, $"The backend's answer for the '{provider}' credential is longer than {MaxResponseBytes} bytes: status {(int)status.Value}, response length at least {e.Length}.", status, e.Length, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            var status = fetch.Status;
            var reason = e is HttpRequestException h ? "connection error: " + h.HttpRequestError : "the answer was cut short";
            _metrics.Failure(provider, "network_error", fetch.LastSource);
            Log.FetchTransportFailed(_logger, provider, reason);
            throw new CredentialFetchException(provider, status is { } s
                ? $"Fetching the '{provider}' credential failed reading the answer to status {(int)s} ({reason})."
                : $"Fetching the '{provider}' credential failed without a response ({reason}).", status, null, e);
        }
        finally
        {
            _metrics.Fetch(provider, outcome, started);
        }
    }

    private CredentialResult Complete(Target target, HttpStatusCode status, byte[] body, TokenSource source)
    {
        var provider = target.Provider;
        if (status == HttpStatusCode.NotFound)
        {
            Log.NotFound(_logger, provider, target.CredentialId);
            return CredentialResult.NotFound(provider, target.CredentialId);
        }

        if ((int)status is >= 200 and < 300)
        {
            var credential = ProviderCredential.Parse(provider, target.CredentialId, body);
            if (credential is not null)
            {
                return CredentialResult.Success(credential);
            }

            _metrics.Failure(provider, "malformed", source);
            Log.FetchFailed(_logger, provider, (int)status, body.LongLength);
            throw new CredentialFetchException(provider, $"The backend's answer for the '{provider}' credential has no usable token: status {(int)status}, response length {body.LongLength}.", status, body.LongLength);
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Log.AuthenticationFailed(_logger, provider, (int)status, source);
            throw new CredentialAuthenticationException(provider, status, source);
        }

        _metrics.Failure(provider, CredentialMetrics.StatusTag(status), source);
        Log.FetchFailed(_logger, provider, (int)status, body.LongLength);
        throw new CredentialFetchException(provider, $"Fetching the '{provider}' credential failed: status {(int)status}, response length {body.LongLength}.", status, body.LongLength);
    }

    private static Uri BuildUri(Uri backend, string? project, string credentialId)
    {
        var baseText = backend.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var path = project is null
            ? $"/api/ambient/v1/credentials/{Uri.EscapeDataString(credentialId)}/token"
            : $"/api/ambient/v1/projects/{Uri.EscapeDataString(project)}/credentials/{Uri.EscapeDataString(credentialId)}/token";
        return new Uri(baseText + path, UriKind.Absolute);
    }

    /// <summary>
    /// The resilience handler at the top of the factory's pipeline for this client, when nothing but the factory's
    /// lifetime handler (which only keeps the pipeline alive) sits above it; null otherwise (then requests go through
    /// the whole chain).
    /// </summary>
    private static ResiliencePipelineHandler? OwnPipeline(HttpMessageHandler? handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            if (delegating is ResiliencePipelineHandler resilience)
            {
                return resilience.InnerHandler is CallerOrOidcAuthorizationHandler ? resilience : null;
            }

            if (delegating.GetType().FullName != "Microsoft.Extensions.Http.LifetimeTrackingHttpMessageHandler")
            {
                return null;
            }

            handler = delegating.InnerHandler;
        }

        return null;
    }

    private static bool ContainsAuthorizationHandler(HttpMessageHandler? handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            if (delegating is CallerOrOidcAuthorizationHandler)
            {
                return true;
            }

            handler = delegating.InnerHandler;
        }

        return false;
    }

    private sealed class Target
    {
        public Target(string provider, string credentialId, Uri? uri)
        {
            Provider = provider;
            CredentialId = credentialId;
            Uri = uri;
        }

        public string Provider { get; }

        public string CredentialId { get; }

        public Uri? Uri { get; }
    }
}
