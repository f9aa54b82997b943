// Shape: read inside a lambda stored in a Func
using System;
using System.IO;

namespace Runner.Auth;

public sealed class TokenProvider
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private readonly Func<string> _load = () => {|TP0001:File.ReadAllText(TokenPath)|}.Trim();

    public string Get() => _load();
}
