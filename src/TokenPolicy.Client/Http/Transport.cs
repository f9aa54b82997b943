using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace TokenPolicy.Credentials;

/// <summary>
/// What the primary handler under a token-bearing client does with redirects and proxies, after
/// <see cref="Transport.Harden"/>: redirects off; no proxy unless one is configured explicitly (the environment's
/// <c>HTTP_PROXY</c>/<c>ALL_PROXY</c> are never used).
/// </summary>
internal sealed class TransportInfo
{
    public static readonly TransportInfo Unknown = new(null, known: false);

    public TransportInfo(IWebProxy? proxy, bool known)
    {
        Proxy = proxy;
        Known = known;
    }

    /// <summary>The explicit proxy the handler uses, if any; each request through it is checked.</summary>
    public IWebProxy? Proxy { get; }

    /// <summary>Whether the handler is a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> whose settings were checked.</summary>
    public bool Known { get; }
}

/// <summary>Switches off redirects and implicit proxies on the handlers under token-bearing clients.</summary>
internal static class Transport
{
    private static readonly FieldInfo? s_invokerHandler = typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>The handler of the token-endpoint clients: no redirects, no proxy at all.</summary>
    public static SocketsHttpHandler NewTokenEndpointHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>A primary handler for credential fetches: no redirects, the configured proxy or none.</summary>
    public static SocketsHttpHandler NewPrimaryHandler(Uri? proxy)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        Harden(handler, proxy);
        return handler;
    }

    /// <summary>
    /// Redirects off; the configured proxy, or (when the handler would use the environment's default proxy) none. A
    /// proxy the application set on the handler itself is kept and checked per request.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handler already sent a request, so its settings cannot change.</exception>
    public static TransportInfo Harden(HttpMessageHandler primary, Uri? configuredProxy)
    {
        switch (primary)
        {
            case SocketsHttpHandler s:
                if (s.AllowAutoRedirect)
                {
                    s.AllowAutoRedirect = false;
                }

                if (configuredProxy is not null)
                {
                    s.UseProxy = true;
                    s.Proxy = new WebProxy(configuredProxy) { BypassProxyOnLocal = false };
                }
                else if (s.UseProxy && s.Proxy is null)
                {
                    s.UseProxy = false;
                }

                return new TransportInfo(s.UseProxy ? s.Proxy : null, known: true);
            case HttpClientHandler h:
                if (h.AllowAutoRedirect)
                {
                    h.AllowAutoRedirect = false;
                }

                if (configuredProxy is not null)
                {
                    h.UseProxy = true;
                    h.Proxy = new WebProxy(configuredProxy) { BypassProxyOnLocal = false };
                }
                else if (h.UseProxy && h.Proxy is null)
                {
                    h.UseProxy = false;
                }

                return new TransportInfo(h.UseProxy ? h.Proxy : null, known: true);
            default:
                return TransportInfo.Unknown;
        }
    }

    /// <summary>
    /// Hardens the handler chain under an <see cref="HttpClient"/> given by the application (the innermost handler
    /// under its delegating handlers). Unknown handlers are left alone (redirects are then detected per response).
    /// </summary>
    /// <exception cref="ArgumentException">The client's handler follows redirects or uses the default proxy and already sent requests.</exception>
    public static TransportInfo HardenClient(HttpClient client, Uri? configuredProxy)
    {
        var handler = s_invokerHandler?.GetValue(client) as HttpMessageHandler;
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        if (handler is null)
        {
            return TransportInfo.Unknown;
        }

        try
        {
            return Harden(handler, configuredProxy);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException("The HttpClient's handler follows redirects or uses the environment's proxy and has already sent requests, so it cannot be switched off; give CredentialClient a new HttpClient (or one whose handler has AllowAutoRedirect = false and UseProxy = false).", nameof(client), e);
        }
    }
}

/// <summary>
/// The last hop of a <see cref="CredentialClient"/> built by hand around an application's <see cref="HttpClient"/>:
/// sends a copy of each request (an <see cref="HttpClient"/> sends a message only once) and refuses an answer from
/// anywhere but the URI asked for (a redirect the client followed anyway).
/// </summary>
internal sealed class ForeignClientHandler : HttpMessageHandler
{
    private readonly HttpClient _client;

    public ForeignClientHandler(HttpClient client) => _client = client;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var response = await _client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var answered = response.RequestMessage?.RequestUri ?? copy.RequestUri;
        if (answered is not null && request.RequestUri is not null && answered != request.RequestUri)
        {
            response.Dispose();
            throw new CredentialHostNotAllowedException(answered.IsAbsoluteUri ? answered.IdnHost : "(relative URI)", "the HttpClient followed a redirect; its answer is not used");
        }

        response.RequestMessage = request;
        return response;
    }
}
