// Shape: ToLowerInvariant on a configured upper-case path
using System.IO;

namespace Runner.Auth;

public static class LowerCased
{
    private const string FromManifest = "/VAR/RUN/SECRETS/KUBERNETES.IO/SERVICEACCOUNT/TOKEN";

    public static string Read() => {|TP0001:File.ReadAllText(FromManifest.ToLowerInvariant())|};
}
