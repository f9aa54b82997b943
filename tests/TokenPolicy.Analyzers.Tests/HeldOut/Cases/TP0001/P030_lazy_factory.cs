// Shape: Lazy<string> factory reads the token once
using System;
using System.IO;
using System.Threading;

namespace Runner.Auth;

public sealed class CachedClusterToken
{
    private readonly Lazy<string> _token = new(
        () => {|TP0001:File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token")|}.Trim(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public string Value => _token.Value;
}
