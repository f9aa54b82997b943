// Shape: async helper in a static class combining directory and file parameters, called from a service with literals
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Inventory.Sync;

internal static class SecretFiles
{
    public static async Task<string> ReadAsync(string directory, string file, CancellationToken ct)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(directory, file), ct);
        return text.Trim();
    }
}

public sealed class UpstreamAuthenticator
{
    public Task<string> GetAsync(CancellationToken ct)
        => {|TP0001:SecretFiles.ReadAsync("/var/run/secrets/kubernetes.io/serviceaccount", "token", ct)|};
}
