// Shape: a local-dev tool writes a token file (write, not read)
using System.IO;

namespace Runner.DevTools;

public static class DevMount
{
    public static void Prepare(string token)
    {
        Directory.CreateDirectory("/var/run/secrets/tokens");
        File.WriteAllText("/var/run/secrets/tokens/local-dev", token);
    }
}
