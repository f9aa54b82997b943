// Shape: File.Open with FileMode.Append on a file in the projected directory (cannot read)
using System.IO;
using System.Text;

namespace Audit.Trail;

public static class AuditWriter
{
    public static void Append(string line)
    {
        using var stream = File.Open("/var/run/secrets/tokens/audit.log", FileMode.Append, FileAccess.Write);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        stream.Write(bytes, 0, bytes.Length);
    }
}
