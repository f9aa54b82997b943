// Shape: static readonly field initialised with Path.Join
using System.IO;

namespace Runner.Auth;

public static class JoinedField
{
    private static readonly string TokenFile = Path.Join("/var/run/secrets/kubernetes.io/serviceaccount", "token");

    public static string Read() => {|TP0001:File.ReadAllText(TokenFile)|};
}
