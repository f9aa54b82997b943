// Shape: Trim() on a constant path before reading
using System.IO;

namespace Runner.Kube;

public sealed class TokenFileSettings
{
    // Pasted from a manifest, with a trailing newline.
    private const string RawPath = "/var/run/secrets/tokens/credential-api\n";

    public string Read() => {|TP0001:File.ReadAllText(RawPath.Trim())|};
}
