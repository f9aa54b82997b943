// Shape: Octokit Credentials with a GitHub token
using Octokit;

namespace Release.Tools;

public static class Octo
{
    public static GitHubClient Create() => new(new ProductHeaderValue("release-notes"))
    {
        Credentials = new Credentials({|TP0002:"$$GHP$$"|}),
    };
}
