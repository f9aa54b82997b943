// Shape: switch expression chooses the token file per cloud
using System.IO;

namespace Runner.Cloud;

public enum Cloud { Eks, Aks, Generic }

public static class CloudTokens
{
    public static string Read(Cloud cloud)
    {
        var path = cloud switch
        {
            Cloud.Eks => "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
            Cloud.Aks => "/var/run/secrets/azure/tokens/azure-identity-token",
            _ => "/var/run/secrets/kubernetes.io/serviceaccount/token",
        };
        return {|TP0001:File.ReadAllText(path)|};
    }
}
