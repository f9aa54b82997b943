using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace TokenPolicy.Credentials;

/// <summary>
/// Replaces the HTTP client factory's request logging on every client this library registers or decorates. The
/// factory's header event puts raw header values (Authorization, the session proof) in its structured state even when
/// the message is redacted; this logger records method, host, path, status and duration only: no header, no query, no
/// body.
/// </summary>
internal sealed class SafeHttpClientLogger : IHttpClientLogger
{
    private readonly ILogger _logger;

    public SafeHttpClientLogger(ILogger logger) => _logger = logger;

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var uri = request.RequestUri;
            Log.HttpRequestDone(_logger, request.Method.Method, uri?.IsAbsoluteUri == true ? uri.IdnHost : string.Empty, uri?.IsAbsoluteUri == true ? uri.AbsolutePath : string.Empty, (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var uri = request.RequestUri;
            Log.HttpRequestFailed(_logger, request.Method.Method, uri?.IsAbsoluteUri == true ? uri.IdnHost : string.Empty, uri?.IsAbsoluteUri == true ? uri.AbsolutePath : string.Empty, elapsed.TotalMilliseconds, exception.GetType().Name);
        }
    }
}
