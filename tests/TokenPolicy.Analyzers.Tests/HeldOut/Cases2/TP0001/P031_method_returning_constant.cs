// Shape: a private static method returning the EKS path, called as the read's argument with ConfigureAwait
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Events.Consumer;

public sealed class ConsumerIdentity
{
    private static string DefaultTokenPath() => "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";

    public async Task<string> ReadAsync(CancellationToken ct)
        => await {|TP0001:File.ReadAllTextAsync(DefaultTokenPath(), ct)|}.ConfigureAwait(false);
}
