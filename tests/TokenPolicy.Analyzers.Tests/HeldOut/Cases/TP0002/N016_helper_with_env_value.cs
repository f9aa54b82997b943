// Shape: client constructor building the header, called with an environment value
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public sealed class TokenClient
{
    private readonly string _token;

    public TokenClient(string token) => _token = token;

    public void Authorize(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
}

public static class Factory
{
    public static TokenClient Create() => new TokenClient(Environment.GetEnvironmentVariable("PARTNER_TOKEN") ?? string.Empty);
}
