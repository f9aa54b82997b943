// Shape: KubernetesClient configuration from a kubeconfig file (no token read by this code)
using k8s;

namespace Operator.Bootstrap;

public static class ConfigChoice
{
    public static KubernetesClientConfiguration Load(string kubeconfig)
        => KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
}
