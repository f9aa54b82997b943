// Shape: KeyValuePair.Value of a dictionary of mounted files, iterated and read when the key matches
using System.Collections.Generic;
using System.IO;

namespace Mounts.Inspector;

public static class MountedSecrets
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["sa-token"] = "/var/run/secrets/kubernetes.io/serviceaccount/token",
        ["sa-namespace"] = "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
    };

    public static string? Token()
    {
        foreach (var entry in Files)
        {
            if (entry.Key == "sa-token")
            {
                return {|TP0001:File.ReadAllText(entry.Value)|};
            }
        }

        return null;
    }
}
