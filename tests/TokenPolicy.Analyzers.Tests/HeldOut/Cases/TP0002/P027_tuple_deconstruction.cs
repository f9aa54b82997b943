// Shape: tuple deconstruction of scheme and token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Billing.Export;

public static class TupleAuth
{
    public static void Apply(HttpRequestMessage request)
    {
        var (scheme, token) = ("Bearer", "$$JWT$$");
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, {|TP0002:token|});
    }
}
