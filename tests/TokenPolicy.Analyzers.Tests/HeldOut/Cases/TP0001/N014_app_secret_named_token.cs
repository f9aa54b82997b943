// Shape: a mounted application secret whose file is named token
using System.IO;

namespace Runner.Auth;

public static class MountedAppSecret
{
    private const string Path0 = "/var/run/secrets/app/token";

    public static string Read() => File.ReadAllText(Path0);
}
