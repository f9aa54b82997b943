// Shape: a bare token (no scheme) as the whole Authorization header value
using System.Net.Http;

namespace Partner.Api;

public static class BareToken
{
    public static void Apply(HttpRequestMessage request)
        => request.Headers.TryAddWithoutValidation("Authorization", {|TP0002:"$$SK$$"|});
}
