// Shape: Octokit Credentials assigned after construction from a constant
using Octokit;

namespace Release.Tools;

public sealed class ReleaseNotes
{
    private const string Token = "$$GHP$$";
    private readonly GitHubClient _client = new(new ProductHeaderValue("notes"));

    public ReleaseNotes()
    {
        _client.Credentials = new Credentials({|TP0002:Token|});
    }
}
