// Shape: list of KeyValuePair headers added in a loop
using System.Collections.Generic;
using System.Net.Http;

namespace Ci.Sync;

public sealed class JiraClient
{
    private static readonly List<KeyValuePair<string, string>> DefaultHeaders = new()
    {
        new KeyValuePair<string, string>("Accept", "application/json"),
        new KeyValuePair<string, string>("Authorization", {|TP0002:"Bearer $$RAND48$$"|}),
    };

    public HttpClient Create()
    {
        var http = new HttpClient();
        foreach (var header in DefaultHeaders)
        {
            http.DefaultRequestHeaders.Add(header.Key, header.Value);
        }

        return http;
    }
}
