// Shape: derived client passes a hardcoded token to its base constructor, which stores it and builds the header
using System.Net.Http;
using System.Net.Http.Headers;

namespace Vendors.Sdk;

public abstract class ApiClientBase
{
    private readonly string _token;

    protected ApiClientBase(string token) => _token = token;

    protected HttpRequestMessage NewRequest(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }
}

public sealed class StatusPageClient : ApiClientBase
{
    public StatusPageClient()
        : base({|TP0002:"$$RAND32$$"|})
    {
    }
}
