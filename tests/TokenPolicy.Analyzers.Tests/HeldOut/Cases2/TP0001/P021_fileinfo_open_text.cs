// Shape: FileInfo held in a field, checked for existence and opened with OpenText in another method
using System.IO;

namespace Scheduler.Core;

public sealed class NodeTokenFile
{
    private readonly FileInfo _info = new("/var/run/secrets/kubernetes.io/serviceaccount/token");

    public bool Present => _info.Exists;

    public string Read()
    {
        using var reader = {|TP0001:_info.OpenText()|};
        return reader.ReadToEnd();
    }
}
