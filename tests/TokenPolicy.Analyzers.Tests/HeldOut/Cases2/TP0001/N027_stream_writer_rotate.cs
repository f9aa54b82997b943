// Shape: StreamWriter and File.Create on an app token cache below /tmp (writes only)
using System.IO;

namespace Cache.Warmer;

public static class TokenCacheWriter
{
    public static void Save(string token)
    {
        using (var writer = new StreamWriter("/tmp/cache-warmer/token"))
        {
            writer.Write(token);
        }

        using var created = File.Create("/var/run/secrets/tokens/cache-warmer.lock");
    }
}
