// Shape: StringBuilder assembles the path in one method
using System.IO;
using System.Text;

namespace Runner.Kube;

public static class BuiltPath
{
    public static string Read(bool projected)
    {
        var sb = new StringBuilder("/var/run/secrets/");
        sb.Append("kubernetes.io/serviceaccount");
        sb.Append('/').Append("token");
        return {|TP0001:File.ReadAllText(sb.ToString())|};
    }
}
