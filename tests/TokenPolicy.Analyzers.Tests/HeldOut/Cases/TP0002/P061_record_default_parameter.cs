// Shape: settings record whose token parameter has a hardcoded default
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public sealed record PartnerSettings(string BaseUrl = "https://partner.invalid", string Token = "$$RAND48$$");

public static class RecordDefaults
{
    public static void Apply(HttpClient client, PartnerSettings settings)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:settings.Token|});
}
