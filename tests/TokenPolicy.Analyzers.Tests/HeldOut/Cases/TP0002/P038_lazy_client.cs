// Shape: Lazy<HttpClient> factory sets the header
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class SharedClient
{
    private static readonly Lazy<HttpClient> Client = new(() =>
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"$$RAND32$$"|});
        return http;
    });

    public static HttpClient Instance => Client.Value;
}
