// Shape: string.Format("Bearer {0}", value read from the environment)
using System;
using System.Net.Http;

namespace Partner.Api;

public static class FormatRuntime
{
    public static void Apply(HttpRequestMessage request)
        => request.Headers.Add("Authorization", string.Format("Bearer {0}", Environment.GetEnvironmentVariable("API_TOKEN")));
}
