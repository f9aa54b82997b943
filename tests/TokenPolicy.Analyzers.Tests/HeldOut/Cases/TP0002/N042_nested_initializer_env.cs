// Shape: nested object initializer in a field initializer, token from the environment
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Ai.Gateway;

public static class EnvCompletions
{
    private static readonly HttpClient Http = new HttpClient
    {
        BaseAddress = new Uri("https://api.openai.com/v1/"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("OPENAI_API_KEY")) },
    };

    public static HttpClient Client => Http;
}
