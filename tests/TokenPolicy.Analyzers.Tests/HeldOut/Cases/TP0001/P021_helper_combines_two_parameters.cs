// Shape: helper that Path.Combines two parameters, called with the SA directory and "token"
using System.IO;

namespace Runner.Secrets;

public static class MountedSecrets
{
    public static string ReadSecret(string directory, string name) => File.ReadAllText(Path.Combine(directory, name)).Trim();
}

public sealed class CredentialBootstrap
{
    public string ClusterToken() => {|TP0001:MountedSecrets.ReadSecret("/var/run/secrets/kubernetes.io/serviceaccount", "token")|};
}
