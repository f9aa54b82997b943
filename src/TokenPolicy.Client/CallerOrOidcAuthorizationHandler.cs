using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TokenPolicy.Credentials;

/// <summary>
/// Authenticates any named or typed <see cref="HttpClient"/> from the <see cref="CredentialTokenResolver"/>: the
/// caller's token, else the control plane's OIDC token (with <c>X-Runner-Current-User</c> when the caller is known).
/// A request to a host outside the allowlist is refused before anything is sent. A bot token answered with 401 or 403
/// is refreshed and the request retried once (requests without a body only).
/// </summary>
public sealed class CallerOrOidcAuthorizationHandler : DelegatingHandler
{
    private readonly CredentialTokenResolver _resolver;
    private readonly HostAllowlist _allowlist;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="resolver">The token resolver.</param>
    /// <param name="options">The allowlist.</param>
    /// <param name="logger">Logger.</param>
    public CallerOrOidcAuthorizationHandler(CredentialTokenResolver resolver, IOptions<CredentialClientOptions> options, ILogger<CallerOrOidcAuthorizationHandler>? logger = null)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _allowlist = HostAllowlist.Create((options ?? throw new ArgumentNullException(nameof(options))).Value.AllowedBackendHosts);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri || !_allowlist.IsAllowed(uri))
        {
            var host = uri.IsAbsoluteUri ? uri.IdnHost : "(relative URI)";
            Log.HostRefused(_logger, host);
            throw new CredentialHostNotAllowedException(host);
        }

        var token = await _resolver.ResolveAsync(cancellationToken).ConfigureAwait(false);
        Apply(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (token.Source == TokenSource.ControlPlaneOidc
            && request.Content is null
            && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Log.HandlerRefused(_logger, token.Source, uri.IdnHost, (int)response.StatusCode);
            var refreshed = await _resolver.RefreshBotTokenAsync(token, cancellationToken).ConfigureAwait(false);
            if (refreshed is not null)
            {
                response.Dispose();
                Apply(request, refreshed);
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    private static void Apply(HttpRequestMessage request, ResolvedToken token)
    {
        request.Headers.Authorization = token.ToAuthorizationHeader();
        request.Headers.Remove(CredentialClient.CurrentUserHeader);
        if (token.UserId is not null)
        {
            request.Headers.TryAddWithoutValidation(CredentialClient.CurrentUserHeader, token.UserId);
        }
    }
}
