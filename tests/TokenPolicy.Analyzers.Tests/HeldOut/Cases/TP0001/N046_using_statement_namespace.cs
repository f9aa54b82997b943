// Shape: classic using statement around a StreamReader of the namespace file
using System.IO;

namespace Runner.Kube;

public static class UsingNamespace
{
    public static string Read()
    {
        using (var reader = new StreamReader("/var/run/secrets/kubernetes.io/serviceaccount/namespace"))
        {
            return reader.ReadToEnd().Trim();
        }
    }
}
