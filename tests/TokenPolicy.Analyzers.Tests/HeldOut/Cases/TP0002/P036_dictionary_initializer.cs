// Shape: Dictionary initializer ["Authorization"] = ..., headers copied later
using System.Collections.Generic;
using System.Net.Http;

namespace Partner.Api;

public static class HeaderMap
{
    public static readonly Dictionary<string, string> Values = new()
    {
        ["Accept"] = "application/json",
        ["Authorization"] = {|TP0002:"Bearer $$XOXP$$"|},
    };

    public static void Apply(HttpRequestMessage request)
    {
        foreach (var (name, value) in Values)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
