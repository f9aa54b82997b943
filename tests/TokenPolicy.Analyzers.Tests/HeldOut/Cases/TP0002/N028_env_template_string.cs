// Shape: ${GITHUB_TOKEN} template text in a header
using System.Net.Http;

namespace Ci.Templates;

public static class Rendered
{
    public static void Apply(HttpRequestMessage request) => request.Headers.Add("Authorization", "token ${GITHUB_TOKEN}");
}
