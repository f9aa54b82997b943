// Shape: log message mentions the scheme and the token's length
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class Logged
{
    public static void Apply(HttpRequestMessage request, string token)
    {
        Console.WriteLine("Authorization: Bearer <{0} chars>", token.Length);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
