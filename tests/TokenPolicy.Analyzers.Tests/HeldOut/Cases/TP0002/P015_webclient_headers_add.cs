// Shape: WebClient.Headers.Add("Authorization", ...)
using System.Net;

namespace Legacy.Deploy;

#pragma warning disable SYSLIB0014
public static class LegacyUpload
{
    private const string Token = "$$NPM$$";

    public static void Upload(string url, byte[] body)
    {
        using var client = new WebClient();
        client.Headers.Add("Authorization", {|TP0002:"Bearer " + Token|});
        client.UploadData(url, body);
    }
}
