// Shape: HttpClient subclass sets its own default Authorization header
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Tools;

public sealed class GitHubHttpClient : HttpClient
{
    private const string Token = "$$GHP$$";

    public GitHubHttpClient()
    {
        BaseAddress = new Uri("https://api.github.com/");
        DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("release-tool", "1.0"));
        DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", {|TP0002:Token|});
    }
}
