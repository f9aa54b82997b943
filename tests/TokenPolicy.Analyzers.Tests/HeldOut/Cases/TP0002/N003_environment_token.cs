// Shape: token from an environment variable
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class FromEnvironment
{
    public static void Apply(HttpClient client)
    {
        var token = Environment.GetEnvironmentVariable("PARTNER_TOKEN") ?? throw new InvalidOperationException("PARTNER_TOKEN missing");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
