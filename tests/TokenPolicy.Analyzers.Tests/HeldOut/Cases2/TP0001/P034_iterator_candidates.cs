// Shape: iterator method yielding candidate paths (env var first, then the projected token), first existing one read
using System;
using System.Collections.Generic;
using System.IO;

namespace Kafka.Bridge;

public sealed class BridgeToken
{
    private static IEnumerable<string> Candidates()
    {
        var fromEnv = Environment.GetEnvironmentVariable("BRIDGE_TOKEN_PATH");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            yield return fromEnv;
        }

        yield return "/var/run/secrets/tokens/kafka-bridge";
    }

    public string? Read()
    {
        foreach (var path in Candidates())
        {
            if (File.Exists(path))
            {
                return {|TP0001:File.ReadAllText(path)|};
            }
        }

        return null;
    }
}
