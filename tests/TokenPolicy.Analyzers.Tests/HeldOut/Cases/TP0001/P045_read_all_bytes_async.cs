// Shape: ReadAllBytesAsync of a projected token
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Runner.Auth;

public sealed class BytesAsync
{
    public async Task<string> TokenAsync()
    {
        var bytes = await {|TP0001:File.ReadAllBytesAsync("/var/run/secrets/tokens/vault")|};
        return Encoding.UTF8.GetString(bytes);
    }
}
