// Shape: path constant composed from constants of another class
using System.IO;

namespace Runner.Kube;

internal static class KubePaths
{
    public const string SecretsRoot = "/var/run/secrets/kubernetes.io";
    public const string ServiceAccount = SecretsRoot + "/serviceaccount";
    public const string Token = ServiceAccount + "/token";
}

public sealed class ApiCaller
{
    public string Token() => {|TP0001:File.ReadAllText(KubePaths.Token)|};
}
