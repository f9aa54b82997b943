// Shape: Path.Combine with seven segments ending in namespace
using System.IO;

namespace Runner.Kube;

public static class SegmentedNamespace
{
    public static string Read() => File.ReadAllText(Path.Combine("/", "var", "run", "secrets", "kubernetes.io", "serviceaccount", "namespace"));
}
