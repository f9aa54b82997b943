// Shape: await File.OpenText(path).ReadToEndAsync(ct)
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runner.Auth;

public static class OpenTextAsync
{
    public static async Task<string> ReadAsync(CancellationToken ct)
    {
        using var text = {|TP0001:File.OpenText("/var/run/secrets/tokens/backend")|};
        return await text.ReadToEndAsync(ct);
    }
}
