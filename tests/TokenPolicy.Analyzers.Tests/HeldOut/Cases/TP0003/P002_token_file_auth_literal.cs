// Shape: new TokenFileAuth with the SA token path
using k8s;
using k8s.Authentication;

namespace Operator.Bootstrap;

public static class ExplicitAuth
{
    public static KubernetesClientConfiguration Create() => new()
    {
        Host = "https://kubernetes.default.svc",
        TokenProvider = {|TP0003:new TokenFileAuth("/var/run/secrets/kubernetes.io/serviceaccount/token")|},
    };
}
