// Shape: Trim() on a constant namespace path
using System.IO;

namespace Runner.Kube;

public static class TrimmedNamespace
{
    private const string RawPath = " /var/run/secrets/kubernetes.io/serviceaccount/namespace\n";

    public static string Read() => File.ReadAllText(RawPath.Trim());
}
