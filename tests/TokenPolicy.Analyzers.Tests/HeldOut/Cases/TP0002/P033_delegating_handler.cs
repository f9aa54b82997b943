// Shape: DelegatingHandler sets the header from a constant
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Partner.Api;

public sealed class StaticTokenHandler : DelegatingHandler
{
    private const string Token = "$$JWT$$";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token|});
        return base.SendAsync(request, cancellationToken);
    }
}
