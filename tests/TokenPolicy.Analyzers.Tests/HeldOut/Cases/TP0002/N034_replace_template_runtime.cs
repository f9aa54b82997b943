// Shape: Replace fills a header template with a runtime token
using System.Net.Http;

namespace Partner.Api;

public static class RuntimeTemplate
{
    private const string HeaderTemplate = "Bearer {token}";

    public static void Apply(HttpRequestMessage request, string token)
        => request.Headers.Add("Authorization", HeaderTemplate.Replace("{token}", token));
}
