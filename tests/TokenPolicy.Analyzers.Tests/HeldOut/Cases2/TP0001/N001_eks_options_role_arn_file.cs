// Shape: options record with an init default pointing at a role-arn file next to the EKS token, read in a worker
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Payments.Worker;

public sealed record RoleOptions
{
    public string RoleArnFile { get; init; } = "/var/run/secrets/eks.amazonaws.com/serviceaccount/role-arn";
}

public sealed class RoleReader
{
    private readonly RoleOptions _options;

    public RoleReader(RoleOptions options) => _options = options;

    public Task<string> ReadAsync(CancellationToken ct) => File.ReadAllTextAsync(_options.RoleArnFile, ct);
}
