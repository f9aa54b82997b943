// Shape: Replace fills a header template with a constant token
using System.Net.Http;

namespace Partner.Api;

public static class Template
{
    private const string HeaderTemplate = "Bearer {token}";
    private const string Token = "$$GHS$$";

    public static void Apply(HttpRequestMessage request)
        => request.Headers.Add("Authorization", {|TP0002:HeaderTemplate.Replace("{token}", Token)|});
}
