// Shape: a helper method that returns the constant path
using System.IO;

namespace Runner.Kube;

public static class Paths
{
    public static string ServiceAccountToken() => "/var/run/secrets/kubernetes.io/serviceaccount/token";
}

public sealed class Bootstrapper
{
    public string Token() => {|TP0001:File.ReadAllText(Paths.ServiceAccountToken())|}.Trim();
}
