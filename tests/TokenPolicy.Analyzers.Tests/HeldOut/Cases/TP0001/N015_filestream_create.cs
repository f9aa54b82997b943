// Shape: FileStream with FileMode.Create on a projected-token path (write)
using System.IO;
using System.Text;

namespace Runner.DevTools;

public static class TokenSeeder
{
    public static void Seed(string value)
    {
        using var stream = new FileStream("/var/run/secrets/tokens/seeded", FileMode.Create, FileAccess.Write);
        var bytes = Encoding.UTF8.GetBytes(value);
        stream.Write(bytes, 0, bytes.Length);
    }
}
