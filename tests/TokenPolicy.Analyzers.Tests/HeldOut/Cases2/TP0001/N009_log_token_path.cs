// Shape: the token path is only logged and put in an exception message
using System;
using System.IO;

namespace Diagnostics.Startup;

public static class StartupChecks
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static void Report(TextWriter log)
    {
        log.WriteLine($"service account token expected at {TokenPath}");
        if (!File.Exists(TokenPath))
        {
            throw new InvalidOperationException("missing " + TokenPath);
        }
    }
}
