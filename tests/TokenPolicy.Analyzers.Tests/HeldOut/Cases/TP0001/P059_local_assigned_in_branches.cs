// Shape: local assigned in an if/else, projected token in one branch
using System;
using System.IO;

namespace Runner.Auth;

public static class Branches
{
    public static string Read()
    {
        string path;
        if (Environment.GetEnvironmentVariable("USE_PROJECTED") == "1")
        {
            path = "/var/run/secrets/tokens/projected-api";
        }
        else
        {
            path = "/etc/runner/static-token";
        }

        return {|TP0001:File.ReadAllText(path)|};
    }
}
