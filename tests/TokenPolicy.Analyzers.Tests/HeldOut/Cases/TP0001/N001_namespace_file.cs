// Shape: reads the namespace file beside the token
using System.IO;

namespace Runner.Kube;

public static class PodNamespace
{
    private const string NamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    public static string Current() => File.Exists(NamespaceFile) ? File.ReadAllText(NamespaceFile).Trim() : "default";
}
