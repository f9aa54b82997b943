// Shape: KubernetesClientConfiguration.InClusterConfig()
using k8s;

namespace Operator.Bootstrap;

public static class ClientFactory
{
    public static IKubernetes Create()
    {
        var config = {|TP0003:KubernetesClientConfiguration.InClusterConfig()|};
        return new Kubernetes(config);
    }
}
