// Shape: constructor chain to this(path) with the sanctioned bot token
using System.IO;

namespace Runner.Auth;

public sealed class ChainedBot
{
    private readonly string _path;

    public ChainedBot()
        : this("/var/run/secrets/ambient/bot-token")
    {
    }

    public ChainedBot(string path) => _path = path;

    public string Read() => File.ReadAllText(_path);
}
