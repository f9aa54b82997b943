// Shape: RestSharp JwtAuthenticator with a token from the environment
using System;
using RestSharp;
using RestSharp.Authenticators;

namespace Partner.Api;

public static class RestFromEnv
{
    public static RestClient Create() => new(new RestClientOptions("https://partner.invalid")
    {
        Authenticator = new JwtAuthenticator(Environment.GetEnvironmentVariable("PARTNER_JWT") ?? string.Empty),
    });
}
