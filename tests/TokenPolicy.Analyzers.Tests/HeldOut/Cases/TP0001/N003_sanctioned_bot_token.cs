// Shape: reads the sanctioned platform bot-token file
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Runner.Auth;

public sealed class BotTokenAuth
{
    private const string BotTokenFile = "/var/run/secrets/ambient/bot-token";

    public void Apply(HttpRequestMessage request)
    {
        var token = File.ReadAllText(BotTokenFile).Trim();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
