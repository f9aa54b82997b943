// Shape: Dictionary initializer ["Authorization"] = ... returned as default headers
using System.Collections.Generic;

namespace Partner.Api;

public static class HeaderMap
{
    public static IReadOnlyDictionary<string, string> Defaults() => new Dictionary<string, string>
    {
        ["Accept"] = "application/json",
        ["Authorization"] = {|TP0002:"Bearer $$XOXP$$"|},
    };
}
