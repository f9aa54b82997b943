// Shape: helper joining root, account and file parameters with Path.Combine, async
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runner.Secrets;

internal static class SecretVolume
{
    internal static async Task<string> ReadAsync(string root, string account, string file, CancellationToken ct)
        => (await File.ReadAllTextAsync(Path.Combine(root, account, file), ct)).Trim();
}

public sealed class Fetcher
{
    public Task<string> TokenAsync(CancellationToken ct)
        => {|TP0001:SecretVolume.ReadAsync("/var/run/secrets", "kubernetes.io/serviceaccount", "token", ct)|};
}
