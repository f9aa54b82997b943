// Shape: indexer assignment on a string dictionary passed to a client
using System.Collections.Generic;

namespace Partner.Api;

public sealed class RequestSpec
{
    public Dictionary<string, string> Headers { get; } = new();

    public static RequestSpec Create()
    {
        var spec = new RequestSpec();
        spec.Headers["Authorization"] = {|TP0002:"Bearer $$SK$$"|};
        return spec;
    }
}
