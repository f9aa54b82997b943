// Shape: Octokit Credentials(login, password) from the environment
using System;
using Octokit;

namespace Release.Tools;

public static class OctoBasic
{
    public static GitHubClient Create() => new(new ProductHeaderValue("notes"))
    {
        Credentials = new Credentials(Environment.GetEnvironmentVariable("GH_USER") ?? "", Environment.GetEnvironmentVariable("GH_PASSWORD") ?? ""),
    };
}
