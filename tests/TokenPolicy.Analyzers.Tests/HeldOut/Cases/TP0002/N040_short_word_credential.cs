// Shape: a short non-secret word after the scheme ("Bearer anonymous")
using System.Net.Http;

namespace Partner.Api;

public static class Guest
{
    public static void Apply(HttpRequestMessage request) => request.Headers.Add("Authorization", "Bearer anonymous");
}
