// Shape: three-parameter Path.Combine helper called for ca.crt
using System.IO;

namespace Runner.Secrets;

internal static class Volume
{
    internal static byte[] Read(string root, string account, string file) => File.ReadAllBytes(Path.Combine(root, account, file));
}

public sealed class CaLoader
{
    public byte[] Ca() => Volume.Read("/var/run/secrets", "kubernetes.io/serviceaccount", "ca.crt");
}
