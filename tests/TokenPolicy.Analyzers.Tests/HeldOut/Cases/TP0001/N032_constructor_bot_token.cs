// Shape: constructor storing a path, constructed with the sanctioned bot-token file
using System.IO;

namespace Runner.Auth;

public sealed class TokenFile
{
    private readonly string _path;

    public TokenFile(string path) => _path = path;

    public string Read() => File.ReadAllText(_path).Trim();
}

public static class Wiring
{
    public static TokenFile Bot() => new TokenFile("/var/run/secrets/ambient/bot-token");
}
