// Shape: a bare random token as the whole Authorization header value (no scheme)
using System.Net.Http;

namespace Metrics.Push;

public static class PushGateway
{
    private const string IngestKey = "$$RAND48$$";

    public static HttpClient Create()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", {|TP0002:IngestKey|});
        return client;
    }
}
