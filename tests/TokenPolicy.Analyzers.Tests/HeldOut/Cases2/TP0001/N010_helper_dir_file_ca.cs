// Shape: async helper combining directory and file, called with the service-account directory and ca.crt
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Inventory.Sync;

internal static class SecretFiles
{
    public static async Task<string> ReadAsync(string directory, string file, CancellationToken ct)
        => (await File.ReadAllTextAsync(Path.Combine(directory, file), ct)).Trim();
}

public sealed class ClusterTrust
{
    public Task<string> GetCaAsync(CancellationToken ct)
        => SecretFiles.ReadAsync("/var/run/secrets/kubernetes.io/serviceaccount", "ca.crt", ct);
}
