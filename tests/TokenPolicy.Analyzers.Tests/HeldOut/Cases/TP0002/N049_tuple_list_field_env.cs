// Shape: list field of header tuples with a runtime token, added in a loop
using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Ci.Sync;

public sealed class EnvArtifactClient
{
    private static readonly List<(string Name, string Value)> Headers = new()
    {
        ("Accept", "application/vnd.github+json"),
        ("Authorization", "token " + Environment.GetEnvironmentVariable("GITHUB_TOKEN")),
    };

    public HttpClient Create()
    {
        var http = new HttpClient();
        foreach (var (name, value) in Headers)
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return http;
    }
}
