// Shape: string.Format("Bearer {0}", constant)
using System.Net.Http;

namespace Billing.Export;

public static class Formatted
{
    private const string Token = "$$GLPAT$$";

    public static void Apply(HttpRequestMessage request)
        => request.Headers.Add("Authorization", {|TP0002:string.Format("Bearer {0}", Token)|});
}
