// Shape: interpolated path from constants
using System.IO;

namespace Runner.Auth;

public static class InterpolatedPath
{
    private const string Root = "/var/run/secrets";
    private const string Account = "kubernetes.io/serviceaccount";

    public static string Read() => {|TP0001:File.ReadAllText($"{Root}/{Account}/token")|};
}
