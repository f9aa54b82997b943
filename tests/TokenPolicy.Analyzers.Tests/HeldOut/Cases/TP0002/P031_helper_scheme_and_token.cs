// Shape: helper taking client, scheme and token; called with a hardcoded token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class Auth
{
    public static void Use(HttpClient client, string scheme, string token)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
}

public sealed class Setup
{
    public HttpClient Create()
    {
        var client = new HttpClient();
        Auth.Use(client, "Bearer", {|TP0002:"$$GLPAT$$"|});
        return client;
    }
}
