// Shape: string.Format builds the namespace path
using System.IO;

namespace Runner.Kube;

public static class FormattedNamespace
{
    public static string Read() => File.ReadAllText(string.Format("{0}/{1}", "/var/run/secrets/kubernetes.io/serviceaccount", "namespace"));
}
