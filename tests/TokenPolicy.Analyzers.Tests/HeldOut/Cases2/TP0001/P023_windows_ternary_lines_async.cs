// Shape: ternary choosing a Windows drive path or the Linux path, read with ReadAllLinesAsync
using System;
using System.IO;
using System.Threading.Tasks;

namespace Hybrid.Agent;

public sealed class HybridToken
{
    private static readonly string TokenFile = OperatingSystem.IsWindows()
        ? @"C:\var\run\secrets\kubernetes.io\serviceaccount\token"
        : "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public async Task<string> FirstLineAsync()
    {
        var lines = await {|TP0001:File.ReadAllLinesAsync(TokenFile)|};
        return lines[0];
    }
}
