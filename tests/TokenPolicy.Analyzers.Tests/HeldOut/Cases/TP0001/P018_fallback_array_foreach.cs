// Shape: array of fallback paths consumed by foreach
using System.IO;

namespace Runner.Kube;

public static class FallbackPaths
{
    private static readonly string[] Candidates =
    {
        "/var/run/secrets/tokens/backend",
        "/var/run/secrets/kubernetes.io/serviceaccount/token",
    };

    public static string? Read()
    {
        foreach (var candidate in Candidates)
        {
            if (File.Exists(candidate))
            {
                return {|TP0001:File.ReadAllText(candidate)|}.Trim();
            }
        }

        return null;
    }
}
