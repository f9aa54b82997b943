// Shape: derived class passes the service-account namespace file to a base that reads it
using System.IO;

namespace Acme.Credentials;

public abstract class FileBackedValue
{
    private readonly string _file;

    protected FileBackedValue(string file) => _file = file;

    public string Value => File.ReadAllText(_file);
}

public sealed class PodNamespace : FileBackedValue
{
    public PodNamespace()
        : base("/var/run/secrets/kubernetes.io/serviceaccount/namespace")
    {
    }
}
