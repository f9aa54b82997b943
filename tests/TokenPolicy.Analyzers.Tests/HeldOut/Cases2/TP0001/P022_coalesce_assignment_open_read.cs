// Shape: instance field assigned with ??= before File.OpenRead, copied into a MemoryStream
using System.IO;

namespace Archive.Client;

public sealed class ArchiveAuth
{
    private string? _tokenPath;

    public byte[] Load()
    {
        _tokenPath ??= "/run/secrets/kubernetes.io/serviceaccount/token";
        using var source = {|TP0001:File.OpenRead(_tokenPath)|};
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        return copy.ToArray();
    }
}
