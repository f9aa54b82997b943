// Shape: empty string token when unauthenticated
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class Anonymous
{
    public static void Apply(HttpRequestMessage request, bool signedIn, string? token)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signedIn ? token : "");
}
