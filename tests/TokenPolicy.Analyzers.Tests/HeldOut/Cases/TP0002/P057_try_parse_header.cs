// Shape: AuthenticationHeaderValue.TryParse of a hardcoded header value
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class TryParsed
{
    private const string Header = "Bearer $$JWT$$";

    public static void Apply(HttpRequestMessage request)
    {
        if (AuthenticationHeaderValue.TryParse({|TP0002:Header|}, out var value))
        {
            request.Headers.Authorization = value;
        }
    }
}
