// Shape: ??= assigns the default path to a field before the read
using System.IO;

namespace Runner.Auth;

public sealed class LazyPath
{
    private string? _tokenPath;

    public string Read()
    {
        _tokenPath ??= "/var/run/secrets/tokens/runner";
        return {|TP0001:File.ReadAllText(_tokenPath)|};
    }
}
