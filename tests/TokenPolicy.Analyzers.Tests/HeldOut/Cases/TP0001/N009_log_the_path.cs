// Shape: logs the token path and its presence, never reads it
using System;
using System.IO;

namespace Runner.Diagnostics;

public static class StartupBanner
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static string Describe() => $"service account token at {TokenPath}: {(File.Exists(TokenPath) ? "present" : "absent")}";

    public static void Print() => Console.WriteLine(Describe());
}
