// Shape: helper method returning an environment value used as the token
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class TokenSource
{
    public static string Token() => Environment.GetEnvironmentVariable("PARTNER_TOKEN") ?? throw new InvalidOperationException("PARTNER_TOKEN");
}

public sealed class EnvCaller
{
    public void Apply(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenSource.Token());
}
