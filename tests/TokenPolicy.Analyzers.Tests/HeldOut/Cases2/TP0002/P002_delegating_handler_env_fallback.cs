// Shape: DelegatingHandler using an env var with a hardcoded fallback held in a readonly field
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Loyalty.Client;

public sealed class FallbackBearerHandler : DelegatingHandler
{
    private readonly string _token = Environment.GetEnvironmentVariable("LOYALTY_TOKEN") ?? "$$JWT$$";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:_token|});
        return base.SendAsync(request, cancellationToken);
    }
}
