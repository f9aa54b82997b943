// Shape: StringBuilder built with chained Append, ending in ca.crt, read as bytes
using System.IO;
using System.Text;

namespace Telemetry.Exporter;

public static class ExporterTrust
{
    public static byte[] LoadCa()
    {
        var sb = new StringBuilder("/var/run/secrets/");
        sb.Append("kubernetes.io").Append('/').Append("serviceaccount").Append("/ca.crt");
        return File.ReadAllBytes(sb.ToString());
    }
}
