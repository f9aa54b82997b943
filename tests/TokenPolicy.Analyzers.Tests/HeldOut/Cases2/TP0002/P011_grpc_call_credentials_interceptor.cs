// Shape: gRPC CallCredentials.FromInterceptor lambda adding a hardcoded bearer to the metadata
using System.Threading.Tasks;
using Grpc.Core;

namespace Ledger.Grpc;

public static class LedgerCredentials
{
    private static readonly string Token = "$$GHS$$";

    public static CallCredentials Create() => CallCredentials.FromInterceptor((context, metadata) =>
    {
        metadata.Add("Authorization", {|TP0002:"Bearer " + Token|});
        return Task.CompletedTask;
    });
}
