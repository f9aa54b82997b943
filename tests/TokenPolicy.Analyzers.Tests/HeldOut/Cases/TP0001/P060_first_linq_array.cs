// Shape: inline array, LINQ First(File.Exists)
using System.IO;
using System.Linq;

namespace Runner.Auth;

public static class InlineCandidates
{
    public static string Read()
    {
        var path = new[] { "/var/run/secrets/tokens/api", "/var/run/secrets/kubernetes.io/serviceaccount/token" }.First(File.Exists);
        return {|TP0001:File.ReadAllText(path)|};
    }
}
