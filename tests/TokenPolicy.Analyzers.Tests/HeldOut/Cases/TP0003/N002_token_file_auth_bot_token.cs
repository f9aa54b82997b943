// Shape: TokenFileAuth with the sanctioned bot-token file
using k8s.Authentication;

namespace Operator.Bootstrap;

public static class BotAuth
{
    public static TokenFileAuth Create() => new TokenFileAuth("/var/run/secrets/ambient/bot-token");
}
