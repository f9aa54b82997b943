// Shape: target-typed new TokenFileAuth(const projected path)
using k8s.Authentication;

namespace Operator.Bootstrap;

public sealed class ProjectedAuth
{
    private const string TokenPath = "/var/run/secrets/tokens/kube-api";

    private readonly TokenFileAuth _auth = {|TP0003:new(TokenPath)|};

    public TokenFileAuth Auth => _auth;
}
