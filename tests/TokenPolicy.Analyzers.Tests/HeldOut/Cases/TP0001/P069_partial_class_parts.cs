// Shape: partial class, path in one part, read in the other
using System.IO;

namespace Runner.Auth;

public sealed partial class SplitCredential
{
    private const string TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";
}

public sealed partial class SplitCredential
{
    public string Read() => {|TP0001:File.ReadAllText(TokenFile)|}.Trim();
}
