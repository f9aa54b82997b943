// Shape: Octokit Credentials(login, password) from configuration values
using System.Collections.Generic;
using Octokit;

namespace Release.Bot;

public static class EnterpriseClient
{
    public static GitHubClient Create(IReadOnlyDictionary<string, string> settings)
        => new(new ProductHeaderValue("release-bot")) { Credentials = new Credentials(settings["GitHub:Login"], settings["GitHub:Password"]) };
}
