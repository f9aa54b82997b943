// Shape: File.OpenRead stream copied into a MemoryStream
using System.IO;
using System.Text;

namespace Runner.Auth;

public static class AzureWorkloadToken
{
    public static string Load()
    {
        using var source = {|TP0001:File.OpenRead("/var/run/secrets/azure/tokens/azure-identity-token")|};
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
