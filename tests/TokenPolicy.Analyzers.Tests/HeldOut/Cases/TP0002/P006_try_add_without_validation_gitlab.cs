// Shape: TryAddWithoutValidation with a GitLab token
using System.Net.Http;

namespace Ci.Sync;

public static class GitLabApi
{
    public static HttpRequestMessage Pipelines(int project)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"https://gitlab.example.invalid/api/v4/projects/{project}/pipelines");
        request.Headers.TryAddWithoutValidation("Authorization", {|TP0002:"Bearer $$GLPAT$$"|});
        return request;
    }
}
