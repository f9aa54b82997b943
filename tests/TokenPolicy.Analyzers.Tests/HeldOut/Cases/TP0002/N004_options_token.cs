// Shape: token from an options object bound from configuration
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public sealed class PartnerOptions
{
    public string Token { get; set; } = string.Empty;
}

public sealed class OptionsClient
{
    private readonly PartnerOptions _options;

    public OptionsClient(PartnerOptions options) => _options = options;

    public void Apply(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
}
