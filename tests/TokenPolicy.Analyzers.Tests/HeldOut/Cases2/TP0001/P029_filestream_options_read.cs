// Shape: new FileStream(path, FileStreamOptions) with Mode Open and Access Read in an object initializer
using System.IO;

namespace Edge.Proxy;

public sealed class EdgeCredentialFile
{
    private const string Path = "/var/run/secrets/tokens/edge-proxy";

    public string Read()
    {
        using var stream = {|TP0001:new FileStream(Path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Options = FileOptions.SequentialScan })|};
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
