// Shape: Path.GetFullPath normalisation of the token path
using System.IO;

namespace Runner.Kube;

public static class NormalisedToken
{
    private const string Relative = "/var/run/secrets/kubernetes.io/serviceaccount/../serviceaccount/token";

    public static string Read()
    {
        var full = Path.GetFullPath(Relative);
        return {|TP0001:File.ReadAllText(full)|}.Trim();
    }
}
