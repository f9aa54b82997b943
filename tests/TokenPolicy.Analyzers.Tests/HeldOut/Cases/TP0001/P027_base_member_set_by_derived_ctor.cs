// Shape: base-class property read in the base, assigned by a derived constructor
using System.IO;

namespace Runner.Sources;

public abstract class FileTokenSource
{
    protected string TokenFile { get; set; } = "/etc/runner/token";

    public string Read() => {|TP0001:File.ReadAllText(TokenFile)|}.Trim();
}

public sealed class KubernetesTokenSource : FileTokenSource
{
    public KubernetesTokenSource()
    {
        TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";
    }
}
