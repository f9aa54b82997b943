// Shape: File.Open with FileMode.Open, FileAccess.Read, FileShare.Read
using System.IO;

namespace Runner.Auth;

public static class OpenShared
{
    public static byte[] Read()
    {
        using var stream = {|TP0001:File.Open("/var/run/secrets/kubernetes.io/serviceaccount/token", FileMode.Open, FileAccess.Read, FileShare.Read)|};
        var buffer = new byte[stream.Length];
        stream.ReadExactly(buffer);
        return buffer;
    }
}
