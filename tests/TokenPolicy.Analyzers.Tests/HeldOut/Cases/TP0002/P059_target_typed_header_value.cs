// Shape: target-typed new("Bearer", token) in an assignment
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class TargetTyped
{
    private const string Token = "$$GLPAT$$";

    public static void Apply(HttpRequestMessage request)
    {
        AuthenticationHeaderValue header = new("Bearer", {|TP0002:Token|});
        request.Headers.Authorization = header;
    }
}
