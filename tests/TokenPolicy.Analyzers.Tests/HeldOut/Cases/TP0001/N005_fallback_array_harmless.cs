// Shape: fallback array of namespace and config files consumed by foreach
using System.IO;

namespace Runner.Kube;

public static class NamespaceCandidates
{
    private static readonly string[] Files =
    {
        "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
        "/etc/runner/namespace",
    };

    public static string Resolve()
    {
        foreach (var file in Files)
        {
            if (File.Exists(file))
            {
                return File.ReadAllText(file).Trim();
            }
        }

        return "default";
    }
}
