// Shape: Path.GetFullPath with a `..` segment that resolves to ca.crt
using System.IO;
using System.Threading.Tasks;

namespace Media.Transcode;

public static class TranscodeTrust
{
    public static Task<byte[]> LoadAsync()
        => File.ReadAllBytesAsync(Path.GetFullPath("/var/run/secrets/kubernetes.io/serviceaccount/token/../ca.crt"));
}
