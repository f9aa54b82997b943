// Shape: primary constructor parameter with a token-path default, read in a member
using System.IO;

namespace Runner.Auth;

public sealed class ProjectedToken(string path = "/var/run/secrets/tokens/backend")
{
    public string Read() => {|TP0001:File.ReadAllText(path)|}.Trim();
}
