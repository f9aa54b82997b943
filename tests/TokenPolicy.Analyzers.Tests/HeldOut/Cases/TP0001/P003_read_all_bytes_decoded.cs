// Shape: ReadAllBytes of the token, decoded with Encoding.UTF8
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace Ops.Agent;

public sealed class MetricsPusher
{
    private readonly HttpClient _http = new();

    public void Authorize()
    {
        byte[] bytes = {|TP0001:File.ReadAllBytes("/var/run/secrets/kubernetes.io/serviceaccount/token")|};
        var token = Encoding.UTF8.GetString(bytes).TrimEnd('\n');
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
