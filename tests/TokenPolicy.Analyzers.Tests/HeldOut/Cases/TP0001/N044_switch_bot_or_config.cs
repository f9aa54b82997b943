// Shape: switch-expression arms over the bot token and a settings file
using System.IO;

namespace Runner.Auth;

public static class ModeFile
{
    public static string Read(bool bot)
    {
        var path = bot switch
        {
            true => "/var/run/secrets/ambient/bot-token",
            false => "/etc/runner/settings.json",
        };
        return File.ReadAllText(path);
    }
}
