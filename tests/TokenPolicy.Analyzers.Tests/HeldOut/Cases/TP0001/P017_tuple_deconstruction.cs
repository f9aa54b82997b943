// Shape: tuple deconstruction of directory and file name
using System.IO;

namespace Runner.Kube;

public static class TupleParts
{
    public static string Read()
    {
        var (directory, file) = ("/var/run/secrets/kubernetes.io/serviceaccount", "token");
        return {|TP0001:File.ReadAllText(Path.Combine(directory, file))|};
    }
}
