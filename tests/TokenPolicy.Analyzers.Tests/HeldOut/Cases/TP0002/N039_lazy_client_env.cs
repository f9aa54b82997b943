// Shape: Lazy<HttpClient> with a token from the environment
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class LazyEnvClient
{
    private static readonly Lazy<HttpClient> Client = new(() =>
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("PARTNER_TOKEN"));
        return http;
    });

    public static HttpClient Instance => Client.Value;
}
