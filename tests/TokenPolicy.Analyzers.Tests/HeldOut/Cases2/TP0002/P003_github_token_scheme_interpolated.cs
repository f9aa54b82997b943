// Shape: GitHub "token" scheme built with an interpolated string from a private const, DefaultRequestHeaders.Add
using System.Net.Http;

namespace Release.Notes;

public static class GitHubHttp
{
    private const string Pat = "$$GHP$$";

    public static HttpClient Create()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Add("User-Agent", "release-notes");
        client.DefaultRequestHeaders.Add("Authorization", {|TP0002:$"token {Pat}"|});
        return client;
    }
}
