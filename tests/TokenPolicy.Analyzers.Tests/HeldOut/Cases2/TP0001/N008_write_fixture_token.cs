// Shape: a local dev tool writing a token file under the projected directory (writes are not reads)
using System.IO;

namespace Dev.Tools;

public static class DevMount
{
    public static void Seed(string value)
    {
        Directory.CreateDirectory("/var/run/secrets/tokens");
        File.WriteAllText("/var/run/secrets/tokens/dev-audience", value);
        using var stream = new FileStream("/var/run/secrets/tokens/other", FileMode.Create, FileAccess.Write);
        stream.WriteByte(10);
    }
}
