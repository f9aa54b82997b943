// Shape: lower-case "authorization" with TryAddWithoutValidation and a GitLab token concatenated after "Bearer "
using System.Net.Http;

namespace Pipelines.Trigger;

public sealed class GitLabTrigger
{
    private static readonly string AccessToken = "$$GLPAT$$";

    public HttpRequestMessage Build(string project)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"https://gitlab.internal/api/v4/projects/{project}/trigger/pipeline");
        request.Headers.TryAddWithoutValidation("authorization", {|TP0002:"Bearer " + AccessToken|});
        return request;
    }
}
