// Shape: helper with params string[] candidates, called with token paths
using System.IO;

namespace Runner.Auth;

public static class FirstExisting
{
    public static string? Read(params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        return null;
    }
}

public sealed class Startup
{
    public string? Token() => {|TP0001:FirstExisting.Read("/var/run/secrets/tokens/backend", "/var/run/secrets/kubernetes.io/serviceaccount/token")|};
}
