// Shape: primary constructor with an optional token parameter defaulting to a hardcoded GitLab token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Pipelines.Trigger;

public sealed class RunnerRegistration(HttpClient http, string token = "$$GLPAT$$")
{
    public HttpClient Authorized()
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:token|});
        return http;
    }
}
