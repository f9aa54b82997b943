// Shape: Path.Join over ReadOnlySpan<char> pieces
using System;
using System.IO;

namespace Runner.Auth;

public static class SpanJoin
{
    public static string Read()
    {
        ReadOnlySpan<char> dir = "/var/run/secrets/kubernetes.io/serviceaccount";
        var path = Path.Join(dir, "token".AsSpan());
        return {|TP0001:File.ReadAllText(path)|};
    }
}
