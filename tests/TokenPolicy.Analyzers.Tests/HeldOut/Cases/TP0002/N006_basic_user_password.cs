// Shape: Basic with base64 user:password (a password pair, out of TP0002's bearer-token scope)
using System.Net.Http;
using System.Net.Http.Headers;

namespace Legacy.Deploy;

public static class BasicAuth
{
    private const string Encoded = "$$BASIC$$";

    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Encoded);
}
