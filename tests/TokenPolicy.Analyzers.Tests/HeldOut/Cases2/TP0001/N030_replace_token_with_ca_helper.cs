// Shape: helper that replaces "token" by "ca.crt" in the path it is given, called with the token path
using System.IO;

namespace Windows.Container;

public static class TrustBundle
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private static string Sibling(string path) => File.ReadAllText(path.Replace("token", "ca.crt"));

    public static string Read() => Sibling(TokenPath);
}
