// Shape: the token path in an exception message and a File.Exists check
using System.IO;

namespace Runner.Auth;

public static class Preconditions
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static void EnsureNotMounted()
    {
        if (File.Exists(TokenPath))
        {
            throw new IOException($"automountServiceAccountToken must be false; found {TokenPath}");
        }
    }
}
