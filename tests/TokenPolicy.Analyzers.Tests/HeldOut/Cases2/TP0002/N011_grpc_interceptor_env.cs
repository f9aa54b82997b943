// Shape: gRPC CallCredentials interceptor reading the token from the environment
using System;
using System.Threading.Tasks;
using Grpc.Core;

namespace Ledger.Grpc;

public static class EnvCredentials
{
    public static CallCredentials Create() => CallCredentials.FromInterceptor((context, metadata) =>
    {
        metadata.Add("Authorization", "Bearer " + Environment.GetEnvironmentVariable("LEDGER_TOKEN"));
        return Task.CompletedTask;
    });
}
