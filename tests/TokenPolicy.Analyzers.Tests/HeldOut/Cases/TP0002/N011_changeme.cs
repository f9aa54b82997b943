// Shape: "changeme" default in a config-less dev path
using System.Net.Http;

namespace Partner.Api;

public static class DevDefault
{
    public static void Apply(HttpRequestMessage request, string? token)
        => request.Headers.Add("Authorization", "Bearer " + (token ?? "changeme"));
}
