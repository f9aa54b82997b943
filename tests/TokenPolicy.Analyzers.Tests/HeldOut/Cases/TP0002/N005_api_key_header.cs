// Shape: token-shaped key in an X-Api-Key header (not Authorization)
using System.Net.Http;

namespace Partner.Api;

public static class ApiKey
{
    private const string Key = "$$RAND32$$";

    public static void Apply(HttpRequestMessage request) => request.Headers.Add("X-Api-Key", Key);
}
