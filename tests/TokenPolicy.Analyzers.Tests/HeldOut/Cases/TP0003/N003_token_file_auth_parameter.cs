// Shape: TokenFileAuth with a caller-supplied path
using k8s.Authentication;

namespace Operator.Bootstrap;

public static class ParameterAuth
{
    public static TokenFileAuth Create(string tokenFile) => new TokenFileAuth(tokenFile);
}
