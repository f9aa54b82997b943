// Shape: const header built by concatenating a scheme const and a token const of another class
using System.Net.Http;

namespace Search.Crawler;

internal static class Secrets
{
    internal const string CrawlerJwt = "$$JWT$$";
}

public sealed class CrawlerAuth
{
    private const string Header = "Bearer " + Secrets.CrawlerJwt;

    public void Apply(HttpRequestMessage request) => request.Headers.Add("Authorization", {|TP0002:Header|});
}
