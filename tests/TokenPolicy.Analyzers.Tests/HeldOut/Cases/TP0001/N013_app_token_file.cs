// Shape: an application's own token file (/etc/app/api-token)
using System.IO;

namespace Runner.Auth;

public static class AppToken
{
    public static string Read() => File.ReadAllText("/etc/app/api-token").Trim();
}
