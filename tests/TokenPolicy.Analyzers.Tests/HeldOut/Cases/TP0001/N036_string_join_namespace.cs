// Shape: string.Join of segments ending in namespace
using System.IO;

namespace Runner.Kube;

public static class JoinedNamespace
{
    public static string Read() => File.ReadAllText(string.Join("/", "", "var", "run", "secrets", "kubernetes.io", "serviceaccount", "namespace"));
}
