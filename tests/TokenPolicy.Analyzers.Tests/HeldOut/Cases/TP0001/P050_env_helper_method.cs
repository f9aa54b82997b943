// Shape: helper returning Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE")
using System;
using System.IO;

namespace Runner.Azure;

public static class WorkloadIdentityEnvironment
{
    public static string FederatedTokenFile()
        => Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE")
           ?? throw new InvalidOperationException("AZURE_FEDERATED_TOKEN_FILE is not set");
}

public sealed class ClientAssertion
{
    public string Get() => {|TP0001:File.ReadAllText(WorkloadIdentityEnvironment.FederatedTokenFile())|};
}
