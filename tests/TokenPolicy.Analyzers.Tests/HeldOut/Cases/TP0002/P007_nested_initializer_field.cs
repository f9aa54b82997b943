// Shape: nested object initializer in a static field initializer
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Ai.Gateway;

public static class Completions
{
    private static readonly HttpClient Http = new HttpClient
    {
        BaseAddress = new Uri("https://api.openai.com/v1/"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"$$SK$$"|}) },
    };

    public static HttpClient Client => Http;
}
