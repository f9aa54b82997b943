// Shape: string.Concat("Bearer ", const) passed to DefaultRequestHeaders.Add
using System.Net.Http;

namespace Search.Crawler;

public static class CrawlerHttp
{
    private const string Jwt = "$$JWT$$";

    public static void Authorize(HttpClient client) => client.DefaultRequestHeaders.Add("Authorization", {|TP0002:string.Concat("Bearer ", Jwt)|});
}
