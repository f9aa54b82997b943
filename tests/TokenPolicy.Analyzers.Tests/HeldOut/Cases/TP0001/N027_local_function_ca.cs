// Shape: local function reads ca.crt bytes
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace Runner.Kube;

public static class LocalCa
{
    public static X509Certificate2 Ca()
    {
        return new X509Certificate2(Read());

        static byte[] Read() => File.ReadAllBytes("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
    }
}
