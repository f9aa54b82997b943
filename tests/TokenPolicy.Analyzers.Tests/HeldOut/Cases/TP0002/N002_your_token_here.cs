// Shape: YOUR_TOKEN_HERE placeholder in a header string
using System.Net.Http;

namespace Partner.Api;

public static class Quickstart
{
    public static void Apply(HttpRequestMessage request) => request.Headers.Add("Authorization", "Bearer YOUR_TOKEN_HERE");
}
