// Shape: gRPC authorization metadata with a runtime token
using Grpc.Core;

namespace Inference.Client;

public static class RuntimeMetadata
{
    public static Metadata Create(string accessToken) => new() { { "authorization", $"Bearer {accessToken}" } };
}
