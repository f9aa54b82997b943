// Shape: new Metadata.Entry("authorization", ...)
using Grpc.Core;

namespace Inference.Client;

public static class MetadataEntry
{
    public static Metadata.Entry Auth() => new Metadata.Entry("authorization", {|TP0002:"Bearer $$RAND48$$"|});
}
