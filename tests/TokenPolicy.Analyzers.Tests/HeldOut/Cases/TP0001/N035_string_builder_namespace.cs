// Shape: StringBuilder assembles the namespace path
using System.IO;
using System.Text;

namespace Runner.Kube;

public static class BuiltNamespace
{
    public static string Read()
    {
        var sb = new StringBuilder("/var/run/secrets/");
        sb.Append("kubernetes.io/serviceaccount/");
        sb.Append("namespace");
        return File.ReadAllText(sb.ToString());
    }
}
