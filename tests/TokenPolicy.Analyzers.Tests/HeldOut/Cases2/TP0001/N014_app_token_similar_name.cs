// Shape: an application's own token file whose path ends in token (/var/run/secrets/app/token)
using System.IO;

namespace Reports.Api;

public static class ReportsCredential
{
    private static readonly string Path1 = Path.Combine("/var/run/secrets/app", "token");

    public static string Load() => File.ReadAllText(Path1);
}
