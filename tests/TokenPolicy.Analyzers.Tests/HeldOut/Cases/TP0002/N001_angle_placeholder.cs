// Shape: "<token>" placeholder in a documented default
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class Placeholder
{
    public const string DefaultToken = "<token>";

    public static void Apply(HttpClient client, string? token)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? DefaultToken);
}
