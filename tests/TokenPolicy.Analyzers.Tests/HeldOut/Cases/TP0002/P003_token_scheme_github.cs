// Shape: AuthenticationHeaderValue with the "token" scheme and a GitHub token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Tools;

public static class GitHubClientFactory
{
    public static HttpClient Create()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", {|TP0002:"$$GHP$$"|});
        return http;
    }
}
