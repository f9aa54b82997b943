// Shape: typed HttpClient wrapper setting DefaultRequestHeaders.Authorization from a JWT const in another static class
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Loyalty.Client;

internal static class ServiceTokens
{
    public const string LoyaltyApi = "$$JWT$$";
}

public sealed class LoyaltyApiClient
{
    private readonly HttpClient _http;

    public LoyaltyApiClient(HttpClient http)
    {
        _http = http;
        _http.BaseAddress = new Uri("https://loyalty.internal/");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:ServiceTokens.LoyaltyApi|});
    }
}
