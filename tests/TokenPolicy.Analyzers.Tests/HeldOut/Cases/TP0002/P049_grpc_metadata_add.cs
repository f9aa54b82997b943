// Shape: gRPC Metadata.Add with "Authorization" (any case) and an interpolated token
using Grpc.Core;

namespace Inference.Client;

public static class MetadataAdd
{
    private const string Token = "$$JWT$$";

    public static CallOptions Options()
    {
        var headers = new Metadata();
        headers.Add("Authorization", {|TP0002:$"Bearer {Token}"|});
        return new CallOptions(headers);
    }
}
