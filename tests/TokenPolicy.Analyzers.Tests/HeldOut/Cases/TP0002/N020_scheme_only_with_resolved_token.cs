// Shape: scheme constant with a token resolved at run time by the platform resolver
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenPolicy.Credentials;

namespace Runner.Credentials;

public sealed class ResolvedAuth
{
    private readonly ICredentialTokenResolver _resolver;

    public ResolvedAuth(ICredentialTokenResolver resolver) => _resolver = resolver;

    public async Task ApplyAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = await _resolver.ResolveAsync(ct);
        request.Headers.Authorization = token.ToAuthorizationHeader();
    }
}
