// Shape: gRPC Metadata collection initializer with an authorization entry
using Grpc.Core;

namespace Inference.Client;

public static class CallHeaders
{
    public static Metadata Create() => new()
    {
        { "authorization", {|TP0002:"Bearer $$JWT$$"|} },
        { "x-request-source", "batch" },
    };
}
