// Shape: primary constructor parameter with a projected-token default, read in an expression-bodied method
using System.IO;

namespace Gateway.Client;

public sealed class ProjectedToken(string path = "/var/run/secrets/tokens/gateway-audience")
{
    public string Read() => {|TP0001:File.ReadAllText(path)|};
}
