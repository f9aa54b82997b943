// Shape: helper method returning a constant token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Tools;

public static class Defaults
{
    public static string ServiceToken() => "$$JWT$$";
}

public sealed class Caller
{
    public void Apply(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Defaults.ServiceToken()|});
}
