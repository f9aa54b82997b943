// Shape: the two-parameter secret helper called with "namespace"
using System.IO;

namespace Runner.Secrets;

public static class VolumeFiles
{
    public static string ReadSecret(string directory, string name) => File.ReadAllText(Path.Combine(directory, name)).Trim();
}

public sealed class NamespaceLookup
{
    public string Namespace() => VolumeFiles.ReadSecret("/var/run/secrets/kubernetes.io/serviceaccount", "namespace");

    public string CaBundle() => VolumeFiles.ReadSecret("/var/run/secrets/kubernetes.io/serviceaccount", "ca.crt");
}
