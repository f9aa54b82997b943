// Shape: local function reads the token
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Runner.Auth;

public static class LocalFunctionRead
{
    public static HttpRequestMessage Create(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken());
        return request;

        static string ReadToken() => {|TP0001:File.ReadAllText("/var/run/secrets/tokens/api")|}.Trim();
    }
}
