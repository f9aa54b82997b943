// Shape: long build identifier in User-Agent, other headers
using System.Net.Http;

namespace Partner.Api;

public static class CommonHeaders
{
    private const string Build = "runner/4.2.0+$$HEX40$$";

    public static void Apply(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("User-Agent", Build);
        client.DefaultRequestHeaders.Add("Accept", "application/vnd.github+json");
    }
}
