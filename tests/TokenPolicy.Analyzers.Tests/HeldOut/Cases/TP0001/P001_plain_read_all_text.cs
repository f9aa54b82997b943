// Shape: plain File.ReadAllText of the SA token path constant
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Runner.Credentials;

public sealed class BackendClient
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
    private readonly HttpClient _http;

    public BackendClient(HttpClient http) => _http = http;

    public async Task<string> GetAsync(string url)
    {
        var token = {|TP0001:File.ReadAllText(TokenPath)|}.Trim();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
