// Shape: BuildDefaultConfig (falls back to in-cluster only at run time)
using k8s;

namespace Operators.Backup;

public static class DefaultClients
{
    public static Kubernetes Create() => new(KubernetesClientConfiguration.BuildDefaultConfig());
}
