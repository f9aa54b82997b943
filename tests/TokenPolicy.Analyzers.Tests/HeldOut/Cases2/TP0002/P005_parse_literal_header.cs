// Shape: AuthenticationHeaderValue.Parse on a literal "Bearer <jwt>"
using System.Net.Http;
using System.Net.Http.Headers;

namespace Legacy.Bridge;

public static class BridgeClient
{
    public static void Authorize(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse({|TP0002:"Bearer $$JWT$$"|});
}
