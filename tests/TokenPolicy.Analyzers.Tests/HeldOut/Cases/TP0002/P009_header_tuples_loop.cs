// Shape: header name/value tuples returned by a helper and added in a loop
using System.Collections.Generic;
using System.Net.Http;

namespace Ci.Sync;

public static class HeaderSet
{
    private const string ApiToken = "$$GLPAT$$";

    private static IEnumerable<(string, string)> Headers()
    {
        yield return ("Accept", "application/json");
        yield return ("Authorization", "Bearer " + ApiToken);
    }

    public static void Apply(HttpRequestMessage request)
    {
        foreach (var h in Headers())
        {
            request.Headers.Add(h.Item1, {|TP0002:h.Item2|});
        }
    }
}
