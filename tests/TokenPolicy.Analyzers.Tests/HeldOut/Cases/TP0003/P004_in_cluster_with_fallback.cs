// Shape: IsInCluster() ? InClusterConfig() : kubeconfig
using k8s;

namespace Operator.Bootstrap;

public static class EitherConfig
{
    public static KubernetesClientConfiguration Load()
        => KubernetesClientConfiguration.IsInCluster()
            ? {|TP0003:KubernetesClientConfiguration.InClusterConfig()|}
            : KubernetesClientConfiguration.BuildConfigFromConfigFile();
}
