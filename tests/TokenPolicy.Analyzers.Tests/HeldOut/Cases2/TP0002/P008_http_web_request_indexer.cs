// Shape: legacy HttpWebRequest, WebHeaderCollection indexer with a hardcoded bearer header
#pragma warning disable SYSLIB0014
using System;
using System.Net;

namespace Legacy.Soap;

public static class SoapCaller
{
    private const string Token = "$$JWT$$";

    public static HttpWebRequest Create(Uri endpoint)
    {
        var request = (HttpWebRequest)WebRequest.Create(endpoint);
        request.Method = "POST";
        request.Headers["Authorization"] = {|TP0002:"Bearer " + Token|};
        return request;
    }
}
