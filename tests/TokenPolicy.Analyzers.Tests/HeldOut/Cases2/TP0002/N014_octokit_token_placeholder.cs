// Shape: Octokit Credentials with a vendor prefix followed by a placeholder (ghp_YOUR_TOKEN_HERE)
using Octokit;

namespace Release.Bot;

public static class ReadmeSnippet
{
    public static GitHubClient Create() => new(new ProductHeaderValue("docs")) { Credentials = new Credentials("ghp_YOUR_TOKEN_HERE") };
}
