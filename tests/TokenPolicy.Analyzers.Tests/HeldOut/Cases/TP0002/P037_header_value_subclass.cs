// Shape: AuthenticationHeaderValue subclass with a primary constructor, constructed with a token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public class BearerAuthenticationHeaderValue(string token) : AuthenticationHeaderValue(Scheme, token)
{
    private const string Scheme = "Bearer";
}

public static class Subclassed
{
    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = new BearerAuthenticationHeaderValue({|TP0002:"$$GHP$$"|});
}
