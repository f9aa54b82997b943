// Shape: string.Format with a constant format string builds the path
using System.IO;

namespace Runner.Kube;

public static class FormattedPath
{
    private const string SecretsRoot = "/var/run/secrets";

    public static string Read()
    {
        var path = string.Format("{0}/kubernetes.io/serviceaccount/{1}", SecretsRoot, "token");
        return {|TP0001:File.ReadAllText(path)|};
    }
}
