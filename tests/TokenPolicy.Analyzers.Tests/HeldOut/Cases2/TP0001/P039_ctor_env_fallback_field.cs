// Shape: instance field set in the constructor from an env var with a literal fallback, read in another method
using System;
using System.IO;

namespace Dispatch.Service;

public sealed class DispatchAuth
{
    private readonly string _tokenFile;

    public DispatchAuth()
    {
        _tokenFile = Environment.GetEnvironmentVariable("DISPATCH_TOKEN_FILE") ?? "/var/run/secrets/kubernetes.io/serviceaccount/token";
    }

    public string Token() => {|TP0001:File.ReadAllText(_tokenFile)|};
}
