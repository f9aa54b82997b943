// Shape: interpolated string of a scheme const and a token const, passed to AuthenticationHeaderValue.Parse
using System.Net.Http;
using System.Net.Http.Headers;

namespace Geo.Lookup;

public static class GeoClient
{
    private const string Scheme = "Bearer";
    private const string Token = "$$SHPAT$$";

    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse({|TP0002:$"{Scheme} {Token}"|});
}
