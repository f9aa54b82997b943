// Shape: ReadAllTextAsync(...).ConfigureAwait(false) in a parameterless async helper
using System.IO;
using System.Threading.Tasks;

namespace Runner.Auth;

internal static class AsyncToken
{
    private const string File0 = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    internal static async Task<string> ReadAsync()
    {
        var text = await {|TP0001:File.ReadAllTextAsync(File0)|}.ConfigureAwait(false);
        return text.Trim();
    }
}
