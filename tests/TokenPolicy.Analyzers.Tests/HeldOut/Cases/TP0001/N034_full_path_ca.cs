// Shape: Path.GetFullPath of the ca.crt path
using System.IO;

namespace Runner.Kube;

public static class FullCaPath
{
    public static byte[] Read() => File.ReadAllBytes(Path.GetFullPath("/var/run/secrets/kubernetes.io/serviceaccount/../serviceaccount/ca.crt"));
}
