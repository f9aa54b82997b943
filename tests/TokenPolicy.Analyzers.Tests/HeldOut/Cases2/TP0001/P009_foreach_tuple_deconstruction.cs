// Shape: foreach with tuple deconstruction over (directory, file) pairs, Path.Combine of both
using System.IO;

namespace Mesh.Bootstrap;

public static class MeshTokens
{
    private const string SaDir = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static string? Load()
    {
        foreach (var (dir, file) in new[] { (SaDir, "token") })
        {
            var full = Path.Combine(dir, file);
            if (File.Exists(full))
            {
                return {|TP0001:File.ReadAllText(full)|};
            }
        }

        return null;
    }
}
