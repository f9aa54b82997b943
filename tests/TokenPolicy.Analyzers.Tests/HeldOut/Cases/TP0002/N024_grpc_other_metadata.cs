// Shape: gRPC metadata with a random-looking tenant key under another name
using Grpc.Core;

namespace Inference.Client;

public static class TenantHeaders
{
    public static Metadata Create() => new()
    {
        { "x-tenant-key", "$$RAND32$$" },
        { "x-request-source", "batch" },
    };
}
