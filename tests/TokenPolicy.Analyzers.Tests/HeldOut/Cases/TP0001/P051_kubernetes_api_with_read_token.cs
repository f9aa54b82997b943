// Shape: token read by hand to call the Kubernetes API through KubernetesClient
using System.IO;
using k8s;

namespace Operator.Bootstrap;

public static class ManualInCluster
{
    public static Kubernetes Create()
    {
        var config = new KubernetesClientConfiguration
        {
            Host = "https://kubernetes.default.svc",
            AccessToken = {|TP0001:File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token")|},
            SkipTlsVerify = false,
        };
        return new Kubernetes(config);
    }
}
