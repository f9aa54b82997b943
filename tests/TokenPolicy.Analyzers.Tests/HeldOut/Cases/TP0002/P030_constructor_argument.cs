// Shape: hardcoded token passed to a client constructor that builds the header
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public sealed class ApiClient
{
    private readonly string _token;

    public ApiClient(string token) { _token = token; }

    public void Authorize(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
}

public static class Clients
{
    public static ApiClient Partner() => new ApiClient({|TP0002:"$$GHP$$"|});
}
