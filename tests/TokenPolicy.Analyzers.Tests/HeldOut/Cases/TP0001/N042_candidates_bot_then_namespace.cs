// Shape: candidate list of the bot token and a config file, FirstOrDefault(File.Exists)
using System.IO;
using System.Linq;

namespace Runner.Auth;

public static class SanctionedCandidates
{
    private static readonly string[] Paths = { "/var/run/secrets/ambient/bot-token", "/run/secrets/ambient/bot-token" };

    public static string? Read() => Paths.FirstOrDefault(File.Exists) is { } path ? File.ReadAllText(path).Trim() : null;
}
