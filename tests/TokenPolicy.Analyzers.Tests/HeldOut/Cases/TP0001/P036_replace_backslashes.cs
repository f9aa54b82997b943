// Shape: Replace('\\', '/') normalisation of a Windows-style token path
using System.IO;

namespace Runner.Auth;

public static class SlashNormaliser
{
    private const string Configured = @"\var\run\secrets\kubernetes.io\serviceaccount\token";

    public static string Read() => {|TP0001:File.ReadAllText(Configured.Replace('\\', '/'))|};
}
