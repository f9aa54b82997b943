// Shape: BuildConfigFromConfigFile and BuildDefaultConfig only
using k8s;

namespace Operator.Bootstrap;

public static class FileConfig
{
    public static KubernetesClientConfiguration Load(bool useDefault)
        => useDefault ? KubernetesClientConfiguration.BuildDefaultConfig() : KubernetesClientConfiguration.BuildConfigFromConfigFile("/etc/operator/kubeconfig");
}
