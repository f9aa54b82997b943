// Shape: property pattern on the environment value, hardcoded fallback
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Tools;

public static class PatternFallback
{
    public static void Apply(HttpClient client)
    {
        string token;
        if (Environment.GetEnvironmentVariable("GH_TOKEN") is { Length: > 0 } configured)
        {
            token = configured;
        }
        else
        {
            token = "$$GHO$$";
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:token|});
    }
}
