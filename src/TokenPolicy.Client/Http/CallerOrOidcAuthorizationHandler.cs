using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace TokenPolicy.Credentials;

/// <summary>
/// The one place of the fallback policy. Authenticates a request from the <see cref="CredentialTokenResolver"/>: the
/// caller's token, else the control plane's OIDC token (with <c>X-Runner-Current-User</c> when the caller is known).
/// Every hop it sends is checked first: a request to a host outside the allowlist, or through a proxy outside it, is
/// refused before anything is sent; redirects are never followed. A bot token answered with 401 or 403 is refreshed
/// (one exchange per refusal, however many requests were refused) and the request retried once (requests without a
/// body only). Credential fetches (<see cref="CredentialClient"/>) also swap a refused caller token for the bot token
/// once; other clients never do, as that would widen the caller's privileges.
/// </summary>
public sealed class CallerOrOidcAuthorizationHandler : DelegatingHandler
{
    private readonly CredentialTokenResolver _resolver;
    private readonly HostAllowlist _allowlist;
    private readonly CredentialMetrics _metrics;
    private readonly ILogger _logger;
    private volatile Uri? _lastAllowed;

    /// <summary>Creates the handler.</summary>
    /// <param name="resolver">The token resolver.</param>
    /// <param name="options">The allowlist.</param>
    /// <param name="logger">Logger.</param>
    public CallerOrOidcAuthorizationHandler(CredentialTokenResolver resolver, IOptions<CredentialClientOptions> options, ILogger<CallerOrOidcAuthorizationHandler>? logger = null)
        : this(resolver, SettingsOf(options), null, logger)
    {
    }

    internal CallerOrOidcAuthorizationHandler(CredentialTokenResolver resolver, CredentialSettings settings, CredentialMetrics? metrics, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        _allowlist = settings.BackendHosts;
        _metrics = metrics ?? CredentialMetrics.Shared;
        _logger = logger ?? NullLogger.Instance;
    }

    private static CredentialSettings SettingsOf(IOptions<CredentialClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CredentialSettings.For(options.Value);
    }

    /// <summary>What the primary handler below does with proxies (set when the pipeline is built).</summary>
    internal TransportInfo Transport { get; set; } = TransportInfo.Unknown;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is CredentialRequest credential ? FetchAsync(credential, cancellationToken) : AuthorizeAsync(request, cancellationToken);
    }

    /// <summary>A credential fetch through a pipeline other than the credential client's own (the same work, thrown).</summary>
    private async Task<HttpResponseMessage> FetchAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        var outcome = await FetchOutcomeAsync(request, null, cancellationToken).ConfigureAwait(false);
        outcome.ThrowIfException();
        return outcome.Result!;
    }

    /// <summary>
    /// One attempt for the credential client's resilience pipeline (<see cref="ResiliencePipelineHandler"/> calls it
    /// directly): the same work as <see cref="SendAsync"/>, with a failure returned as Polly's outcome rather than thrown,
    /// bounded by <paramref name="timeout"/> (the attempt timeout, armed here: no async layer of its own).
    /// </summary>
    internal ValueTask<Outcome<HttpResponseMessage>> SendOutcomeAsync(HttpRequestMessage request, AttemptTimeout? timeout, CancellationToken cancellationToken) =>
        request is CredentialRequest credential ? FetchOutcomeAsync(credential, timeout, cancellationToken) : AuthorizeOutcomeAsync(request, timeout, cancellationToken);

    private async ValueTask<Outcome<HttpResponseMessage>> AuthorizeOutcomeAsync(HttpRequestMessage request, AttemptTimeout? timeout, CancellationToken fetchToken)
    {
        var attempt = timeout?.Start(fetchToken) ?? default;
        try
        {
            return Outcome.FromResult(await AuthorizeAsync(request, timeout is null ? fetchToken : attempt.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            return Outcome.FromException<HttpResponseMessage>(timeout is null ? e : timeout.Failure(attempt, e));
        }
        finally
        {
            timeout?.End(attempt);
        }
    }

    /// <summary>
    /// A credential fetch: the body is read within the attempt, so the attempt timeout and the limit cover it. One
    /// async method for the whole attempt (guard, token, send, fallback, body), pooled when it has to wait. With a
    /// <paramref name="timeout"/> (the credential client's pipeline) the whole attempt runs on its armed source.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> FetchOutcomeAsync(CredentialRequest request, AttemptTimeout? timeout, CancellationToken fetchToken)
    {
        HttpResponseMessage? response = null;
        var attempt = timeout?.Start(fetchToken) ?? default;
        var cancellationToken = timeout is null ? fetchToken : attempt.Token;
        try
        {
            // Each attempt starts with no answer: a retry that times out before its answer arrives must not report the
            // status of the attempt before it.
            var fetch = request.Fetch;
            fetch.Status = null;
            fetch.Body = null;
            Guard(request.RequestUri);
            var token = await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(request, token, token.UserId, cancellationToken).ConfigureAwait(false);
            if (IsRefusal(response.StatusCode))
            {
                var refused = response;
                response = null;
                response = await FallBackAsync(request, fetch, token, refused, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                fetch.Answered(token.Source);
            }

            fetch.Status = response.StatusCode;
            fetch.Body = await BoundedContent.ReadAsync(response.Content, CredentialClient.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception e)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(timeout is null ? e : timeout.Failure(attempt, e));
        }
        finally
        {
            timeout?.End(attempt);
        }
    }

    private async Task<HttpResponseMessage> AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Guard(request.RequestUri);
        var token = await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(request, token, token.UserId, cancellationToken).ConfigureAwait(false);
        return IsRefusal(response.StatusCode) ? await FallBackAsync(request, null, token, response, cancellationToken).ConfigureAwait(false) : response;
    }

    /// <summary>The fallback policy, after a refusal (401/403) of <paramref name="token"/>.</summary>
    private async Task<HttpResponseMessage> FallBackAsync(HttpRequestMessage request, FetchContext? fetch, ResolvedToken token, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var userId = token.UserId;
        var host = request.RequestUri!.IdnHost;
        if (token.Source == TokenSource.Caller)
        {
            fetch?.Refused(token.Source, response.StatusCode);
            if (fetch is null || !fetch.CallerFallback || request.Content is not null)
            {
                return response;
            }

            _metrics.Failure(fetch.Provider, CredentialMetrics.StatusTag(response.StatusCode), TokenSource.Caller);
            Log.CallerRefused(_logger, fetch.Provider, (int)response.StatusCode);
            var bot = await _resolver.TryResolveBotTokenAsync(cancellationToken).ConfigureAwait(false);
            if (bot is null)
            {
                return response;
            }

            response.Dispose();
            token = bot;
            response = await SendOnceAsync(request, bot, userId, cancellationToken).ConfigureAwait(false);
            if (!IsRefusal(response.StatusCode))
            {
                fetch.Answered(bot.Source);
                return response;
            }
        }

        fetch?.Refused(token.Source, response.StatusCode);
        if (request.Content is not null)
        {
            return response;
        }

        if (fetch is not null)
        {
            _metrics.Failure(fetch.Provider, CredentialMetrics.StatusTag(response.StatusCode), TokenSource.ControlPlaneOidc);
            Log.BotRefused(_logger, fetch.Provider, (int)response.StatusCode);
        }
        else
        {
            Log.HandlerRefused(_logger, token.Source, host, (int)response.StatusCode);
        }

        var refreshed = await _resolver.RefreshBotTokenAsync(token, cancellationToken).ConfigureAwait(false);
        if (refreshed is null)
        {
            return response;
        }

        response.Dispose();
        response = await SendOnceAsync(request, refreshed, userId, cancellationToken).ConfigureAwait(false);
        if (IsRefusal(response.StatusCode))
        {
            fetch?.Refused(refreshed.Source, response.StatusCode);
            if (fetch is not null)
            {
                _metrics.Failure(fetch.Provider, CredentialMetrics.StatusTag(response.StatusCode), TokenSource.ControlPlaneOidc);
            }
        }
        else
        {
            fetch?.Answered(refreshed.Source);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, ResolvedToken token, string? userId, CancellationToken cancellationToken)
    {
        // Every hop: the URI may have been changed by a handler above since the first check.
        var sent = request.RequestUri;
        Guard(sent);
        // A credential request's first send holds only its Accept header: nothing to remove before setting the token.
        if (request is CredentialRequest { TokenApplied: false } credential && request.Headers.NonValidated.Count == 1)
        {
            token.Apply(request.Headers, userId, fresh: true);
            credential.TokenApplied = true;
        }
        else
        {
            token.Apply(request.Headers, userId);
        }

        // A transport this library configured follows no redirect, so only logging needs the answer here.
        return Transport.Known && !_logger.IsEnabled(LogLevel.Debug)
            ? base.SendAsync(request, cancellationToken)
            : SendCheckedAsync(request, sent!, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, Uri sent, CancellationToken cancellationToken)
    {
        var started = _logger.IsEnabled(LogLevel.Debug) ? Stopwatch.GetTimestamp() : 0;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (started != 0)
        {
            Log.HttpRequestFailed(_logger, request.Method.Method, sent.IdnHost, sent.AbsolutePath, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }

        if (started != 0)
        {
            Log.HttpRequestDone(_logger, request.Method.Method, sent.IdnHost, sent.AbsolutePath, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        if (!ReferenceEquals(request.RequestUri, sent) && request.RequestUri != sent)
        {
            // A transport this library could not configure followed a redirect: its answer is not used, nothing more is sent.
            response.Dispose();
            var to = request.RequestUri is { IsAbsoluteUri: true } moved ? moved.IdnHost : "(relative URI)";
            Log.HostRefused(_logger, to);
            throw new CredentialHostNotAllowedException(to, "the transport followed a redirect there; redirects are never followed with a token, and its answer is not used");
        }

        return response;
    }

    private void Guard(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            Log.HostRefused(_logger, "(relative URI)");
            throw new CredentialHostNotAllowedException("(relative URI)");
        }

        if (!ReferenceEquals(uri, _lastAllowed))
        {
            if (!_allowlist.IsAllowed(uri))
            {
                Log.HostRefused(_logger, uri.IdnHost);
                throw new CredentialHostNotAllowedException(uri.IdnHost);
            }

            _lastAllowed = uri;
        }

        var proxy = Transport.Proxy;
        if (proxy is not null && !proxy.IsBypassed(uri) && proxy.GetProxy(uri) is { } via && !_allowlist.IsAllowed(via))
        {
            Log.HostRefused(_logger, via.IdnHost);
            throw new CredentialHostNotAllowedException(via.IdnHost, "it is the proxy for this request and not in the allowlist; no token is sent through it. Nothing was sent");
        }
    }

    private static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>The request of a credential fetch, carrying what the handler saw (no options dictionary needed).</summary>
    internal sealed class CredentialRequest : HttpRequestMessage
    {
        public CredentialRequest(Uri uri, FetchContext fetch)
            : base(HttpMethod.Get, uri)
        {
            Fetch = fetch;
        }

        public FetchContext Fetch { get; }

        /// <summary>Whether a token was set on it (a retry or a fallback replaces it).</summary>
        public bool TokenApplied { get; set; }
    }

    /// <summary>One credential fetch as the handler saw it.</summary>
    internal sealed class FetchContext
    {
        public FetchContext(string provider, bool callerFallback)
        {
            Provider = provider;
            CallerFallback = callerFallback;
        }

        public string Provider { get; }

        public bool CallerFallback { get; }

        /// <summary>The status of the answer returned, once it arrived.</summary>
        public HttpStatusCode? Status { get; set; }

        /// <summary>The body of the answer returned (at most <see cref="CredentialClient.MaxResponseBytes"/>), once read.</summary>
        public byte[]? Body { get; set; }

        /// <summary>The source of the token whose answer was returned.</summary>
        public TokenSource LastSource { get; private set; }

        public void Answered(TokenSource source) => LastSource = source;

        public void Refused(TokenSource source, HttpStatusCode status) => LastSource = source;
    }
}
