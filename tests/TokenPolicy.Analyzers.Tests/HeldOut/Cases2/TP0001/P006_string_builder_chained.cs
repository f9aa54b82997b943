// Shape: StringBuilder created and appended in one method (chained Append calls), read as bytes
using System.IO;
using System.Text;

namespace Telemetry.Exporter;

public static class ExporterCredentials
{
    public static byte[] LoadRaw()
    {
        var sb = new StringBuilder("/var/run/secrets/");
        sb.Append("kubernetes.io").Append('/').Append("serviceaccount").Append("/token");
        return {|TP0001:File.ReadAllBytes(sb.ToString())|};
    }
}
