// Shape: derived class passes the token path to the base constructor
using System.IO;

namespace Runner.Sources;

public class TokenFileSource
{
    private readonly string _path;

    public TokenFileSource(string path) => _path = path;

    public string Value => File.ReadAllText(_path);
}

public sealed class ProjectedTokenSource : TokenFileSource
{
    public ProjectedTokenSource()
        : {|TP0001:base("/var/run/secrets/tokens/credential-audience")|}
    {
    }
}
