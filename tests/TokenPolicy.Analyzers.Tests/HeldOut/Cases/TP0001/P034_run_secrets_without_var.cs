// Shape: /run/secrets path (no /var) in a verbatim string
using System.IO;

namespace Runner.Auth;

public static class RunSecrets
{
    private const string Token = @"/run/secrets/kubernetes.io/serviceaccount/token";

    public static string Read() => {|TP0001:File.ReadAllText(Token)|};
}
