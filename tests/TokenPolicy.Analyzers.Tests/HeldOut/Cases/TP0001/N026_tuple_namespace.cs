// Shape: tuple deconstruction of the SA directory and "namespace"
using System.IO;

namespace Runner.Kube;

public static class TupleNamespace
{
    public static string Read()
    {
        var (dir, name) = ("/var/run/secrets/kubernetes.io/serviceaccount", "namespace");
        return File.ReadAllText(Path.Combine(dir, name));
    }
}
