// Shape: switch expression on a cloud enum choosing EKS / AKS token paths, read with a FileStream
using System.IO;
using System.Text;

namespace Multi.Cloud;

public enum Cloud { Eks, Aks, OnPrem }

public sealed class WorkloadTokenReader
{
    public string Read(Cloud cloud)
    {
        var path = cloud switch
        {
            Cloud.Eks => "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
            Cloud.Aks => "/var/run/secrets/azure/tokens/azure-identity-token",
            _ => "/etc/multicloud/static-credential",
        };

        using var stream = {|TP0001:new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read)|};
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
