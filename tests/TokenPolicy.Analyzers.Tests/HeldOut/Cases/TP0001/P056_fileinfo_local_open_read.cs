// Shape: FileInfo local, OpenRead
using System.IO;

namespace Runner.Auth;

public static class InfoOpenRead
{
    public static Stream Open()
    {
        var info = new FileInfo("/var/run/secrets/tokens/metrics-audience");
        return {|TP0001:info.OpenRead()|};
    }
}
