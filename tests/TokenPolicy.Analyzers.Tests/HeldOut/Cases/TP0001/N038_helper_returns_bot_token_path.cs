// Shape: helper method returning the sanctioned bot-token path
using System.IO;

namespace Runner.Auth;

public static class PlatformPaths
{
    public static string BotToken() => "/var/run/secrets/ambient/bot-token";
}

public sealed class BotReader
{
    public string Read() => File.ReadAllText(PlatformPaths.BotToken()).Trim();
}
