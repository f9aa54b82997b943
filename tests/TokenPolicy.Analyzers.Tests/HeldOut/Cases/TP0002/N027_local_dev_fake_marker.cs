// Shape: obviously fake local-development token (the rule page skips "fake")
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class LocalDev
{
    public const string LocalToken = "fake-local-dev-token-0000";

    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalToken);
}
