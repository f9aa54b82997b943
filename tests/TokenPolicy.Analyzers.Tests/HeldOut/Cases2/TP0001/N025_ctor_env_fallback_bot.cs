// Shape: constructor field from env var with the sanctioned bot-token path as fallback
using System;
using System.IO;

namespace Dispatch.Service;

public sealed class DispatchBotAuth
{
    private readonly string _tokenFile;

    public DispatchBotAuth()
    {
        _tokenFile = Environment.GetEnvironmentVariable("BOT_TOKEN_FILE") ?? "/var/run/secrets/ambient/bot-token";
    }

    public string Token() => File.ReadAllText(_tokenFile);
}
