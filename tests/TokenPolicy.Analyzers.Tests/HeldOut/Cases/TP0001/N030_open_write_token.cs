// Shape: File.OpenWrite and File.Create on token paths (writes)
using System.IO;

namespace Runner.DevTools;

public static class Truncate
{
    public static void Reset()
    {
        using (File.Create("/var/run/secrets/tokens/cache")) { }
        using var stream = File.OpenWrite("/var/run/secrets/tokens/cache-2");
        stream.SetLength(0);
    }
}
