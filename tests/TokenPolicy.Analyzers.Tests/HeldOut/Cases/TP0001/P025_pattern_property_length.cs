// Shape: `is { Length: > 0 } file` pattern on AZURE_FEDERATED_TOKEN_FILE
using System;
using System.IO;
using System.Threading.Tasks;

namespace Runner.Azure;

public sealed class FederatedCredential
{
    public async Task<string> AssertionAsync()
    {
        var configured = Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE");
        if (configured is { Length: > 0 } file)
        {
            return await {|TP0001:File.ReadAllTextAsync(file)|};
        }

        throw new InvalidOperationException("workload identity is not configured");
    }
}
