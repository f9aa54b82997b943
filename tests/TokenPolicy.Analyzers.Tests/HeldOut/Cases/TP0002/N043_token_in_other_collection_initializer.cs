// Shape: request collection initializer with a random-looking value under a non-auth header
using System.Net.Http;

namespace Partner.Api;

public static class OtherInitializer
{
    public static HttpRequestMessage Create() => new(HttpMethod.Get, "https://partner.invalid/items")
    {
        Headers = { { "X-Idempotency-Key", "$$RAND32$$" } },
    };
}
