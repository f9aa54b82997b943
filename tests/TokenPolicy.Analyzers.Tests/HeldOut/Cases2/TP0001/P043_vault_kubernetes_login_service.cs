// Shape: Vault Kubernetes auth service (interface + one implementation), optional ctor path ?? const default, JWT posted as JSON
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Identity.Vault;

public interface IVaultService
{
    Task<string> GetVaultTokenAsync();
}

public sealed class KubernetesVaultService : IVaultService
{
    private const string DefaultTokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
    private readonly HttpClient _http;
    private readonly string _role;
    private readonly string _tokenPath;

    public KubernetesVaultService(HttpClient http, string role, string? tokenPath = null)
    {
        _http = http;
        _role = role;
        _tokenPath = tokenPath ?? DefaultTokenPath;
    }

    public async Task<string> GetVaultTokenAsync()
    {
        var jwt = await {|TP0001:File.ReadAllTextAsync(_tokenPath)|};
        var body = JsonSerializer.Serialize(new { jwt, role = _role });
        using var response = await _http.PostAsync("v1/auth/kubernetes/login", new StringContent(body, Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("auth").GetProperty("client_token").GetString() ?? "";
    }
}
