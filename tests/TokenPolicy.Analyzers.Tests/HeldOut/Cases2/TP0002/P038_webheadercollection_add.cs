// Shape: WebHeaderCollection built by hand with Add("Authorization", ...) for a legacy client
using System.Net;

namespace Legacy.Soap;

public static class LegacyHeaders
{
    private static readonly string Token = "$$JWT$$";

    public static WebHeaderCollection Create()
    {
        var headers = new WebHeaderCollection();
        headers.Add("Authorization", {|TP0002:"Bearer " + Token|});
        return headers;
    }
}
