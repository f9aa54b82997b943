// Shape: ReadAllTextAsync with named arguments out of order
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runner.Kube;

public sealed class NamedArgs
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public Task<string> ReadAsync(CancellationToken ct)
        => {|TP0001:File.ReadAllTextAsync(cancellationToken: ct, path: TokenPath)|};
}
