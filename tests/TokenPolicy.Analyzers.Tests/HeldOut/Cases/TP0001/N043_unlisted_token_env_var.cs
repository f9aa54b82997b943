// Shape: a token-file variable that is not in the default list (VAULT_TOKEN_FILE), no options set
using System;
using System.IO;

namespace Runner.Vault;

public static class VaultAgent
{
    public static string Read()
        => File.ReadAllText(Environment.GetEnvironmentVariable("VAULT_TOKEN_FILE") ?? "/home/runner/.vault-token");
}
