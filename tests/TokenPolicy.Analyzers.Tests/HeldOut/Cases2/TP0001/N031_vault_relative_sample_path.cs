// Shape: the same Vault login service with a relative, app-relative token path default (not a token-file location)
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace Identity.Vault;

public sealed class LocalVaultLogin
{
    private const string DefaultTokenPath = "config/vault/jwt.txt";
    private readonly string _tokenPath;

    public LocalVaultLogin(string? tokenPath = null) => _tokenPath = tokenPath ?? DefaultTokenPath;

    public async Task<string> BodyAsync(string role)
    {
        var jwt = await File.ReadAllTextAsync(_tokenPath);
        return JsonSerializer.Serialize(new { jwt, role });
    }
}
