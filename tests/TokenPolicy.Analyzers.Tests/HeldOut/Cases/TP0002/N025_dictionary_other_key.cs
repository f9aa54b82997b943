// Shape: header dictionary with a random-looking value under a non-auth key
using System.Collections.Generic;

namespace Partner.Api;

public static class TraceHeaders
{
    public static readonly Dictionary<string, string> Values = new()
    {
        ["X-Trace-Seed"] = "$$RAND48$$",
        ["Accept"] = "application/json",
    };
}
