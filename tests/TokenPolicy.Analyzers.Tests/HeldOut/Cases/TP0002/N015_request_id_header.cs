// Shape: random-looking request id in X-Request-Id
using System;
using System.Net.Http;

namespace Partner.Api;

public static class Correlation
{
    private const string StaticCorrelation = "$$HEX32$$";

    public static void Apply(HttpRequestMessage request)
    {
        request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString("N"));
        request.Headers.Add("X-Correlation-Seed", StaticCorrelation);
    }
}
