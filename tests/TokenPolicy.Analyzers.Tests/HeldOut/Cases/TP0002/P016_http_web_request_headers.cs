// Shape: HttpWebRequest.Headers.Add with a JWT
using System.Net;

namespace Legacy.Deploy;

#pragma warning disable SYSLIB0014
public static class WebRequestAuth
{
    private const string ServiceJwt = "$$JWT$$";

    public static HttpWebRequest Create(string url)
    {
        var request = (HttpWebRequest)WebRequest.Create(url);
        request.Headers.Add(HttpRequestHeader.Authorization, {|TP0002:"Bearer " + ServiceJwt|});
        return request;
    }
}
