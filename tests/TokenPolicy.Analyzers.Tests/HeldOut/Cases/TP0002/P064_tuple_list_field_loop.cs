// Shape: list field of (name, value) header tuples added to the client in a loop
using System.Collections.Generic;
using System.Net.Http;

namespace Ci.Sync;

public sealed class ArtifactClient
{
    private const string Token = "$$GHS$$";

    private static readonly List<(string Name, string Value)> Headers = new()
    {
        ("Accept", "application/vnd.github+json"),
        ("Authorization", "token " + Token),
    };

    public HttpClient Create()
    {
        var http = new HttpClient();
        foreach (var (name, value) in Headers)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation(name, {|TP0002:value|});
        }

        return http;
    }
}
