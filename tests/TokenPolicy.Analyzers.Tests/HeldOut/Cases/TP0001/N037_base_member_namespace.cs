// Shape: base-class property assigned by a derived constructor to the namespace file
using System.IO;

namespace Runner.Sources;

public abstract class MountedFile
{
    protected string FilePath { get; set; } = "/etc/runner/settings";

    public string Read() => File.ReadAllText(FilePath).Trim();
}

public sealed class NamespaceFile : MountedFile
{
    public NamespaceFile()
    {
        FilePath = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
    }
}
