// Shape: local function with an optional parameter defaulting to a JWT, setting the header of each request
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Batch.Uploader;

public static class BatchRequests
{
    public static List<HttpRequestMessage> Build(IEnumerable<string> urls)
    {
        var requests = new List<HttpRequestMessage>();
        foreach (var url in urls)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, url);
            Authorize(request);
            requests.Add(request);
        }

        return requests;

        static void Authorize(HttpRequestMessage r, string token = "$$JWT$$")
            => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:token|});
    }
}
