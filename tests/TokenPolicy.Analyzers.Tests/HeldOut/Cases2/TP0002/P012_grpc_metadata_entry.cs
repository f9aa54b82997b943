// Shape: new Metadata.Entry("authorization", ...) with a verbatim string holding a bearer value
using Grpc.Core;

namespace Ledger.Grpc;

public static class LedgerEntries
{
    public static Metadata.Entry Auth() => new Metadata.Entry("authorization", {|TP0002:@"Bearer $$JWT$$"|});
}
