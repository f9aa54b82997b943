// Shape: plain JWT constant in AuthenticationHeaderValue
using System.Net.Http;
using System.Net.Http.Headers;

namespace Runner.Clients;

public static class AdminClientFactory
{
    private const string AdminToken = "$$JWT$$";

    public static HttpClient Create()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:AdminToken|});
        return client;
    }
}
