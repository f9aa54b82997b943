// Shape: File.Exists on the token path to detect in-cluster mode
using System.IO;

namespace Runner.Kube;

public static class Environment2
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static bool IsInCluster => File.Exists(TokenPath);
}
