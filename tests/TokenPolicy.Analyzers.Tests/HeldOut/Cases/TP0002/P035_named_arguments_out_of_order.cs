// Shape: AuthenticationHeaderValue with named arguments out of order
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class Named
{
    private const string Token = "$$SHPAT$$";

    public static void Apply(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue(parameter: {|TP0002:Token|}, scheme: "Bearer");
}
