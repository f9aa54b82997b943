// Shape: string.Join of path segments
using System.IO;

namespace Runner.Kube;

public static class JoinedPath
{
    public static string Read()
    {
        var path = string.Join("/", "", "var", "run", "secrets", "kubernetes.io", "serviceaccount", "token");
        return {|TP0001:File.ReadAllText(path)|};
    }
}
