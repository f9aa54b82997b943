// Shape: sanctioned bot-token file read at run time into the header
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Runner.Auth;

public static class BotFile
{
    public static void Apply(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText("/run/secrets/ambient/bot-token").Trim());
}
