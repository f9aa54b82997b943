// Shape: foreach over candidates that are the sanctioned bot token under /var/run and /run
using System.IO;

namespace Orders.Auth;

internal static class BotTokenDiscovery
{
    private static readonly string[] Candidates =
    {
        "/var/run/secrets/ambient/bot-token",
        "/run/secrets/ambient/bot-token",
    };

    public static string? TryRead()
    {
        foreach (var candidate in Candidates)
        {
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        return null;
    }
}
