// Shape: Path.Combine with a collection expression of segments
using System.IO;

namespace Runner.Kube;

public static class CollectionSegments
{
    public static string Read()
    {
        var path = Path.Combine(["/var/run/secrets", "tokens", "vault-agent"]);
        return {|TP0001:File.ReadAllText(path)|};
    }
}
