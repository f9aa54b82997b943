// Shape: local function returns the header value
using System.Net.Http;

namespace Partner.Api;

public static class LocalHeader
{
    public static HttpRequestMessage Create(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Authorization", {|TP0002:Header()|});
        return request;

        static string Header() => "Bearer $$GLPAT$$";
    }
}
