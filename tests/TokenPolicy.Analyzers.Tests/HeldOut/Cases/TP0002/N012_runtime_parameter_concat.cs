// Shape: "Bearer " + runtime parameter
using System.Net.Http;

namespace Partner.Api;

public static class RuntimeConcat
{
    public static void Apply(HttpRequestMessage request, string accessToken)
        => request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
}
