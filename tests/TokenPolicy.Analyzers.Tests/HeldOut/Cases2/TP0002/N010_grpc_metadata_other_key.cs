// Shape: gRPC Metadata with a token-like value under x-tenant-key, and authorization from a parameter
using Grpc.Core;

namespace Ledger.Grpc;

public static class TenantHeaders
{
    public static Metadata Create(string jwt) => new Metadata
    {
        { "x-tenant-key", "$$RAND48$$" },
        { "authorization", $"Bearer {jwt}" },
    };
}
