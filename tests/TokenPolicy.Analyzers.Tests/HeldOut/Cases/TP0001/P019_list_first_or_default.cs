// Shape: List of candidate paths, LINQ FirstOrDefault(File.Exists)
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Runner.Kube;

public sealed class TokenLocator
{
    private readonly List<string> _paths = new()
    {
        "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
        "/run/secrets/kubernetes.io/serviceaccount/token",
    };

    public string? Load()
    {
        var found = _paths.FirstOrDefault(File.Exists);
        return found is null ? null : {|TP0001:File.ReadAllText(found)|};
    }
}
