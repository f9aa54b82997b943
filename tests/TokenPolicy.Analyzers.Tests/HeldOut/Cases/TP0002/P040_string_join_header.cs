// Shape: string.Join(" ", scheme, token)
using System.Net.Http;

namespace Partner.Api;

public static class JoinedHeader
{
    private const string Token = "$$NPM$$";

    public static void Apply(HttpRequestMessage request)
        => request.Headers.TryAddWithoutValidation("Authorization", {|TP0002:string.Join(" ", "Bearer", Token)|});
}
