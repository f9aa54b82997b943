// Shape: Lazy<string> reading the sanctioned bot token
using System;
using System.IO;

namespace Runner.Auth;

public sealed class CachedBot
{
    private readonly Lazy<string> _token = new(() => File.ReadAllText("/var/run/secrets/ambient/bot-token").Trim());

    public string Value => _token.Value;
}
