// Shape: new TokenFileAuth(Path.Combine(const dir, "token")) stored in a config's TokenProvider
using System.IO;
using k8s;
using k8s.Authentication;

namespace Operators.Backup;

public static class ExplicitTokenConfig
{
    private const string SaDir = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static KubernetesClientConfiguration Create(string host) => new()
    {
        Host = host,
        TokenProvider = {|TP0003:new TokenFileAuth(Path.Combine(SaDir, "token"))|},
    };
}
