// Shape: WebClient.Headers[HttpRequestHeader.Authorization]
using System.Net;

namespace Legacy.Deploy;

#pragma warning disable SYSLIB0014
public static class LegacyDownload
{
    public static string Fetch(string url)
    {
        using var client = new WebClient();
        client.Headers[HttpRequestHeader.Authorization] = {|TP0002:"Bearer $$GHP$$"|};
        return client.DownloadString(url);
    }
}
