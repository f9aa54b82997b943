// Shape: GitHub classic 40-hex token with the "token" scheme in AuthenticationHeaderValue
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Notes;

public sealed class ChangelogFetcher
{
    private readonly HttpClient _client = new();

    public ChangelogFetcher()
    {
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", {|TP0002:"$$HEX40$$"|});
    }
}
