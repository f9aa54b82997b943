// Shape: switch expression whose constant arms are placeholders or empty
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class PlaceholderArms
{
    public static void Apply(HttpClient client, string mode)
    {
        var token = mode switch
        {
            "env" => Environment.GetEnvironmentVariable("PARTNER_TOKEN") ?? "",
            "docs" => "<token>",
            _ => string.Empty,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
