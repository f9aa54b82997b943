// Shape: primary constructor parameter without a default, constructed with a value from configuration
using System.Collections.Generic;
using System.IO;

namespace Gateway.Client;

public sealed class ConfiguredToken(string path)
{
    public string Read() => File.ReadAllText(path);
}

public static class GatewaySetup
{
    public static ConfiguredToken Create(IReadOnlyDictionary<string, string> settings) => new(settings["Gateway:TokenFile"]);
}
