// Shape: DelegatingHandler whose token comes only from the environment (no fallback)
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Loyalty.Client;

public sealed class EnvBearerHandler : DelegatingHandler
{
    private readonly string? _token = Environment.GetEnvironmentVariable("LOYALTY_TOKEN");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return base.SendAsync(request, cancellationToken);
    }
}
