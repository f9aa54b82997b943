// Shape: sanctioned bot-token path assembled with Path.Combine under /run
using System.IO;

namespace Runner.Auth;

public static class BotTokenFile
{
    private static readonly string Path0 = Path.Combine("/run/secrets/ambient", "bot-token");

    public static string? Read() => File.Exists(Path0) ? File.ReadAllText(Path0).Trim() : null;
}
