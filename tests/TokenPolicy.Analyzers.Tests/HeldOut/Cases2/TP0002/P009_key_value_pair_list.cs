// Shape: list of KeyValuePair<string, string> headers with a hardcoded Authorization entry, applied in a loop
using System.Collections.Generic;
using System.Net.Http;

namespace Analytics.Ingest;

public sealed class IngestClient
{
    private static readonly List<KeyValuePair<string, string>> DefaultHeaders = new()
    {
        new KeyValuePair<string, string>("X-Client", "ingest"),
        new KeyValuePair<string, string>("Authorization", {|TP0002:"Bearer $$RAND48$$"|}),
    };

    public void Apply(HttpRequestMessage request)
    {
        foreach (var header in DefaultHeaders)
        {
            request.Headers.TryAddWithoutValidation(header.Key, {|TP0002:header.Value|});
        }
    }
}
