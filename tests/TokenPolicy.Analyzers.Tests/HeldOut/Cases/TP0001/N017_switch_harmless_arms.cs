// Shape: switch expression over the namespace and ca.crt files
using System.IO;

namespace Runner.Kube;

public enum MountFile { Namespace, Ca }

public static class MountFiles
{
    public static string Read(MountFile which)
    {
        var path = which switch
        {
            MountFile.Namespace => "/var/run/secrets/kubernetes.io/serviceaccount/namespace",
            MountFile.Ca => "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
            _ => throw new System.ArgumentOutOfRangeException(nameof(which)),
        };
        return File.ReadAllText(path);
    }
}
