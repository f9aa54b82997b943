// Shape: AuthenticationHeaderValue.Parse of a full header value
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class Parsed
{
    private const string Token = "$$HF$$";

    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse({|TP0002:"Bearer " + Token|});
}
