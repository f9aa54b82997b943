// Shape: StreamWriter on a token path (write)
using System.IO;

namespace Runner.DevTools;

public static class TokenWriter
{
    public static void Write(string value)
    {
        using var writer = new StreamWriter("/var/run/secrets/tokens/replay");
        writer.Write(value);
    }
}
