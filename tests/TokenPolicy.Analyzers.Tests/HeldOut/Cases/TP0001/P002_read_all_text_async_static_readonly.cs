// Shape: ReadAllTextAsync with a cancellation token, path in a static readonly field
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Platform.Runner;

internal static class ClusterIdentity
{
    private static readonly string ServiceAccountTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static async Task<string> LoadAsync(CancellationToken cancellationToken)
    {
        var raw = await {|TP0001:File.ReadAllTextAsync(ServiceAccountTokenFile, cancellationToken)|};
        return raw.Trim();
    }
}
