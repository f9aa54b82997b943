// Shape: params-candidates helper called with namespace files only
using System.IO;

namespace Runner.Auth;

public static class FirstFile
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

public sealed class NamespaceStartup
{
    public string? Namespace() => FirstFile.Read("/var/run/secrets/kubernetes.io/serviceaccount/namespace", "/etc/runner/namespace");
}
