// Shape: environment variable with a hardcoded fallback token
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Tools;

public static class EnvFallback
{
    public static void Apply(HttpClient client)
    {
        var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN") ?? "$$GHP$$";
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:token|});
    }
}
