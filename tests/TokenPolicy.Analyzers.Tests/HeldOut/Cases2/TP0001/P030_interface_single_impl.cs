// Shape: interface with one implementation; the implementation reads a const path itself
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Catalog.Auth;

public interface IAccessTokenSource
{
    ValueTask<string> GetAsync(CancellationToken ct);
}

internal sealed class KubeletTokenSource : IAccessTokenSource
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public async ValueTask<string> GetAsync(CancellationToken ct)
        => (await {|TP0001:File.ReadAllTextAsync(TokenPath, ct)|}).Trim();
}
