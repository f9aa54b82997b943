// Shape: constructor stores its path argument in a field read by another member
using System.IO;
using System.Threading.Tasks;

namespace Runner.Auth;

public sealed class TokenFileReader
{
    private readonly string _path;

    public TokenFileReader(string path) { _path = path; }

    public async Task<string> ReadAsync() => (await File.ReadAllTextAsync(_path)).Trim();
}

public static class Composition
{
    public static TokenFileReader Create() => {|TP0001:new TokenFileReader("/var/run/secrets/kubernetes.io/serviceaccount/token")|};
}
