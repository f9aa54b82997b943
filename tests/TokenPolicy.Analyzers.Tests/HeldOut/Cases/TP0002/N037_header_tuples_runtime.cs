// Shape: header tuples from a helper with a runtime token, added in a loop
using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Ci.Sync;

public static class RuntimeHeaderSet
{
    private static IEnumerable<(string Name, string Value)> Headers()
    {
        yield return ("Accept", "application/json");
        yield return ("Authorization", "Bearer " + Environment.GetEnvironmentVariable("CI_API_TOKEN"));
    }

    public static void Apply(HttpRequestMessage request)
    {
        foreach (var (name, value) in Headers())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
