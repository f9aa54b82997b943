// Shape: static helper taking a full header value, called with a hardcoded "Bearer <jwt>" literal
using System.Net.Http;

namespace Reports.Render;

internal static class HeaderHelpers
{
    public static void SetAuthorization(HttpClient client, string headerValue)
        => client.DefaultRequestHeaders.Add("Authorization", headerValue);
}

public sealed class RenderClient
{
    private readonly HttpClient _client = new();

    public RenderClient() => HeaderHelpers.SetAuthorization(_client, {|TP0002:"Bearer $$JWT$$"|});
}
