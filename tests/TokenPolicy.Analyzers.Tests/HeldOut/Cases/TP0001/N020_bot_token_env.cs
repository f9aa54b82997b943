// Shape: bot token from the BOT_TOKEN environment variable (no file)
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Runner.Auth;

public static class EnvBot
{
    public static void Apply(HttpClient client)
    {
        var token = Environment.GetEnvironmentVariable("BOT_TOKEN") ?? throw new InvalidOperationException("BOT_TOKEN is not set");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
