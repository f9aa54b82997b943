// Shape: token-like values stored in a dictionary under non-header keys (test data), never sent
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Fixtures.Data;

public static class TokenFormats
{
    public static readonly Dictionary<string, string> Samples = new()
    {
        ["github"] = "$$GHP$$",
        ["gitlab"] = "$$GLPAT$$",
    };

    public static int Count => Samples.Count;
}
