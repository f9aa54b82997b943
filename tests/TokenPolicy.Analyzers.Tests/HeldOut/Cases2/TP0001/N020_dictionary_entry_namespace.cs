// Shape: dictionary of mounted files where only the namespace entry's value is read
using System.Collections.Generic;
using System.IO;

namespace Mounts.Inspector;

public static class MountedInfo
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["sa-namespace"] = "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
        ["sa-ca"] = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
    };

    public static string? Namespace()
    {
        foreach (var entry in Files)
        {
            if (entry.Key == "sa-namespace")
            {
                return File.ReadAllText(entry.Value);
            }
        }

        return null;
    }
}
