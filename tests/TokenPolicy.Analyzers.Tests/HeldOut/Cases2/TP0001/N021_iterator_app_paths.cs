// Shape: iterator yielding an env-var path and an app-owned default, first existing read
using System;
using System.Collections.Generic;
using System.IO;

namespace Kafka.Bridge;

public sealed class BridgeSettingsFile
{
    private static IEnumerable<string> Candidates()
    {
        var fromEnv = Environment.GetEnvironmentVariable("BRIDGE_SETTINGS_PATH");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            yield return fromEnv;
        }

        yield return "/etc/kafka-bridge/settings.json";
    }

    public string? Read()
    {
        foreach (var path in Candidates())
        {
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        return null;
    }
}
