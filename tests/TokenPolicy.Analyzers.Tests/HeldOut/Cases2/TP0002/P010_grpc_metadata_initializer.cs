// Shape: gRPC Metadata collection initializer with a lower-case authorization key and an interpolated JWT const
using Grpc.Core;

namespace Ledger.Grpc;

public static class LedgerCallHeaders
{
    private const string Jwt = "$$JWT$$";

    public static Metadata Create() => new Metadata
    {
        { "x-request-source", "ledger-cli" },
        { "authorization", {|TP0002:$"Bearer {Jwt}"|} },
    };
}
