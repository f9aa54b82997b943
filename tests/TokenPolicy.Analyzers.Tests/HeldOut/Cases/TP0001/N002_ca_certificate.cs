// Shape: reads ca.crt beside the token into an X509 certificate
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace Runner.Kube;

public static class ClusterCa
{
    public static X509Certificate2 Load()
    {
        var pem = File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
        return X509Certificate2.CreateFromPem(pem);
    }
}
