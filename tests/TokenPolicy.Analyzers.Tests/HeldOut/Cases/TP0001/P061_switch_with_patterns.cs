// Shape: switch expression with patterns (null or "" falls back to a projected token)
using System;
using System.IO;

namespace Runner.Auth;

public static class PatternSwitch
{
    public static string Read()
    {
        var configured = Environment.GetEnvironmentVariable("CREDENTIAL_TOKEN_PATH");
        var path = configured switch
        {
            null or "" => "/var/run/secrets/tokens/credential-api",
            var p => p,
        };
        return {|TP0001:File.ReadAllText(path)|};
    }
}
