// Shape: HttpWebRequest with a hardcoded Proxy-Authorization header (another header)
#pragma warning disable SYSLIB0014
using System;
using System.Net;

namespace Legacy.Soap;

public static class ProxiedSoap
{
    public static HttpWebRequest Create(Uri endpoint)
    {
        var request = (HttpWebRequest)WebRequest.Create(endpoint);
        request.Headers["Proxy-Authorization"] = "Bearer $$JWT$$";
        return request;
    }
}
