// Shape: an operator's client factory using KubernetesClientConfiguration.InClusterConfig() when in cluster
using k8s;

namespace Operators.Backup;

public static class KubeClients
{
    public static Kubernetes Create()
    {
        var config = KubernetesClientConfiguration.IsInCluster()
            ? {|TP0003:KubernetesClientConfiguration.InClusterConfig()|}
            : KubernetesClientConfiguration.BuildConfigFromConfigFile();
        return new Kubernetes(config);
    }
}
