// Shape: foreach over a static readonly array of candidate token files (EKS first, then the kubelet token)
using System.IO;

namespace Orders.Auth;

internal static class TokenDiscovery
{
    private static readonly string[] Candidates =
    {
        "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
        "/var/run/secrets/kubernetes.io/serviceaccount/token",
    };

    public static string? TryRead()
    {
        foreach (var candidate in Candidates)
        {
            if (File.Exists(candidate))
            {
                return {|TP0001:File.ReadAllText(candidate)|};
            }
        }

        return null;
    }
}
