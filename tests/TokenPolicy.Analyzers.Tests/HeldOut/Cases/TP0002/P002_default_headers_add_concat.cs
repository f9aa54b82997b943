// Shape: DefaultRequestHeaders.Add("Authorization", "Bearer " + constant GitHub token)
using System.Net.Http;

namespace Release.Tools;

public sealed class GitHubReleases
{
    private const string Token = "$$GHP$$";
    private readonly HttpClient _client = new();

    public GitHubReleases()
    {
        _client.DefaultRequestHeaders.Add("User-Agent", "release-tool");
        _client.DefaultRequestHeaders.Add("Authorization", {|TP0002:"Bearer " + Token|});
    }
}
