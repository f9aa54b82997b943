// Shape: static expression-bodied property returning Path.Join of a const and a literal, read with a StreamReader
using System.IO;
using System.Threading.Tasks;

namespace Ledger.Api;

public static class LedgerIdentity
{
    private const string Base = "/run/secrets/kubernetes.io/serviceaccount";

    private static string TokenPath => Path.Join(Base, "token");

    public static async Task<string> ReadAsync()
    {
        using var reader = {|TP0001:new StreamReader(TokenPath)|};
        return await reader.ReadToEndAsync();
    }
}
