// Shape: switch expression on a cloud enum whose arms are the bot token and an app-owned file
using System.IO;

namespace Multi.Cloud;

public enum Target { Ambient, Local }

public sealed class SanctionedTokenReader
{
    public string Read(Target target)
    {
        var path = target switch
        {
            Target.Ambient => "/run/secrets/ambient/bot-token",
            _ => "/etc/multicloud/local-credential",
        };

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
