// Shape: parameterless constructor chains to this(path) with the token path
using System.IO;

namespace Runner.Auth;

public sealed class ChainedTokenFile
{
    private readonly string _path;

    public ChainedTokenFile()
        : {|TP0001:this("/var/run/secrets/kubernetes.io/serviceaccount/token")|}
    {
    }

    public ChainedTokenFile(string path) => _path = path;

    public string Read() => File.ReadAllText(_path);
}
