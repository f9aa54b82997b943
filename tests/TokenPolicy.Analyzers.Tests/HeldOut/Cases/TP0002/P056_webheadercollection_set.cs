// Shape: WebHeaderCollection.Set
using System.Net;

namespace Legacy.Deploy;

public static class WebHeaders
{
    public static WebHeaderCollection Create()
    {
        var headers = new WebHeaderCollection();
        headers.Set("Authorization", {|TP0002:"token $$GHP$$"|});
        return headers;
    }
}
