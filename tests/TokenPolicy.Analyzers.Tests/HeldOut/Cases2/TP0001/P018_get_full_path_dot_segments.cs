// Shape: Path.GetFullPath over a path with a `..` segment, read as bytes asynchronously
using System.IO;
using System.Threading.Tasks;

namespace Media.Transcode;

public static class TranscodeIdentity
{
    public static Task<byte[]> LoadAsync()
    {
        var full = Path.GetFullPath("/var/run/secrets/kubernetes.io/config/../serviceaccount/token");
        return {|TP0001:File.ReadAllBytesAsync(full)|};
    }
}
