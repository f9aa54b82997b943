using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TokenPolicy.Credentials;

/// <summary>The token-endpoint client's per-hop guard: a proof or a secret goes only to an allowed token-endpoint host.</summary>
internal sealed class HostGuardHandler : DelegatingHandler
{
    private readonly HostAllowlist _allowlist;
    private readonly ILogger _logger;

    public HostGuardHandler(HostAllowlist allowlist, ILogger? logger)
    {
        _allowlist = allowlist;
        _logger = logger ?? NullLogger.Instance;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || !_allowlist.IsAllowed(uri))
        {
            var host = uri is { IsAbsoluteUri: true } ? uri.IdnHost : "(relative URI)";
            Log.HostRefused(_logger, host);
            throw new CredentialHostNotAllowedException(host, $"it is not in {CredentialClientOptions.SectionName}:{nameof(CredentialClientOptions.AllowedTokenEndpointHosts)}; no proof or secret is sent to it. Nothing was sent");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Log.HttpRequestDone(_logger, request.Method.Method, uri.IdnHost, uri.AbsolutePath, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception e)
        {
            Log.HttpRequestFailed(_logger, request.Method.Method, uri.IdnHost, uri.AbsolutePath, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
    }
}
