// Shape: Octokit Credentials(token, AuthenticationType.Bearer) with a GitHub App installation token const
using Octokit;

namespace Release.Bot;

public sealed class InstallationClient
{
    private const string InstallationToken = "$$GHS$$";

    public GitHubClient Client { get; } = new(new ProductHeaderValue("release-bot"))
    {
        Credentials = new Credentials({|TP0002:InstallationToken|}, AuthenticationType.Bearer),
    };
}
