// Shape: Path.Combine params overload with seven segments
using System.IO;

namespace Runner.Kube;

public static class SegmentedPath
{
    public static string ReadToken()
    {
        var path = Path.Combine("/", "var", "run", "secrets", "kubernetes.io", "serviceaccount", "token");
        return {|TP0001:File.ReadAllText(path)|};
    }
}
