// Shape: `is string p` on an application variable that is not a token-file variable
using System;
using System.IO;

namespace Runner.Config;

public static class ConfigFile
{
    public static string? Read()
        => Environment.GetEnvironmentVariable("RUNNER_CONFIG_FILE") is string p ? File.ReadAllText(p) : null;
}
