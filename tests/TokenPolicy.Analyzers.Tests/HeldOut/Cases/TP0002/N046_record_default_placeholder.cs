// Shape: settings record whose token default is a placeholder
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public sealed record ClientSettings(string BaseUrl = "https://partner.invalid", string Token = "<token>");

public static class PlaceholderDefaults
{
    public static void Apply(HttpClient client, ClientSettings settings)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
}
