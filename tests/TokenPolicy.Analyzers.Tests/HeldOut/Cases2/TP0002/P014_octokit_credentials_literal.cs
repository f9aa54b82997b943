// Shape: Octokit GitHubClient factory with new Credentials("ghp_...")
using Octokit;

namespace Release.Bot;

public static class GitHubClientFactory
{
    public static GitHubClient Create()
        => new GitHubClient(new ProductHeaderValue("release-bot")) { Credentials = new Credentials({|TP0002:"$$GHP$$"|}) };
}
