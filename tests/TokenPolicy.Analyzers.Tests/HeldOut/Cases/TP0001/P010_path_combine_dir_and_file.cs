// Shape: Path.Combine of a directory constant and "token"
using System.IO;

namespace Runner.Kube;

public static class ServiceAccountFiles
{
    private const string MountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static string Namespace() => File.ReadAllText(Path.Combine(MountDirectory, "namespace")).Trim();

    public static string Token() => {|TP0001:File.ReadAllText(Path.Combine(MountDirectory, "token"))|}.Trim();
}
