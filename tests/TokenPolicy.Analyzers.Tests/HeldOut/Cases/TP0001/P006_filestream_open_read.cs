// Shape: FileStream with FileMode.Open / FileAccess.Read wrapped in a StreamReader
using System.IO;
using System.Threading.Tasks;

namespace Runner.Auth;

public static class TokenStream
{
    public static async Task<string> ReadAsync()
    {
        await using var stream = {|TP0001:new FileStream("/run/secrets/kubernetes.io/serviceaccount/token", FileMode.Open, FileAccess.Read, FileShare.Read)|};
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Trim();
    }
}
