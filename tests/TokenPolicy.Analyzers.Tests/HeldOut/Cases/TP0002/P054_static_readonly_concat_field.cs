// Shape: static readonly header value built from two constants in other class
using System.Net.Http;

namespace Partner.Api;

internal static class Secrets
{
    public const string Scheme = "Bearer";
    public const string Value = "$$JWT$$";
}

public static class Combined
{
    private static readonly string HeaderValue = Secrets.Scheme + " " + Secrets.Value;

    public static void Apply(HttpRequestMessage request) => request.Headers.Add("Authorization", {|TP0002:HeaderValue|});
}
