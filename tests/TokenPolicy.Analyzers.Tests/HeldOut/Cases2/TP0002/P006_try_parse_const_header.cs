// Shape: AuthenticationHeaderValue.TryParse of a const header value, used only when it parses
using System.Net.Http;
using System.Net.Http.Headers;

namespace Legacy.Bridge;

public sealed class BridgeAuthorizer
{
    private const string Header = "Bearer $$SK$$";

    public void Apply(HttpRequestMessage request)
    {
        if (AuthenticationHeaderValue.TryParse({|TP0002:Header|}, out var value))
        {
            request.Headers.Authorization = value;
        }
    }
}
