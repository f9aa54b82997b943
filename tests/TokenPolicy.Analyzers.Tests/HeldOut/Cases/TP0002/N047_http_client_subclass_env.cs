// Shape: HttpClient subclass with a token from the environment
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Tools;

public sealed class EnvGitHubHttpClient : HttpClient
{
    public EnvGitHubHttpClient()
    {
        BaseAddress = new Uri("https://api.github.com/");
        DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Environment.GetEnvironmentVariable("GITHUB_TOKEN"));
    }
}
