// Shape: ReadAllTextAsync(...).GetAwaiter().GetResult() in synchronous code
using System.IO;

namespace Runner.Auth;

public sealed class Blocking
{
    private static readonly string TokenPath = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";

    public string Token() => {|TP0001:File.ReadAllTextAsync(TokenPath)|}.GetAwaiter().GetResult().Trim();
}
