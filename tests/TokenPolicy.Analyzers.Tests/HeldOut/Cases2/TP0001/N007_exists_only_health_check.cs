// Shape: health check that only tests File.Exists and FileInfo.Length on the kubelet token
using System.IO;

namespace Ops.Health;

public static class InClusterHealth
{
    private const string TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static bool LooksMounted() => File.Exists(TokenFile) && new FileInfo(TokenFile).Length > 0;
}
