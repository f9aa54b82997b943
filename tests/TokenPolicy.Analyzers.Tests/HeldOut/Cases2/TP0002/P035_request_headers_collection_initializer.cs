// Shape: HttpRequestMessage object initializer with a Headers collection initializer holding Authorization
using System.Net.Http;

namespace Catalog.Import;

public static class ImportRequests
{
    private const string Token = "$$SQU$$";

    public static HttpRequestMessage Create(string url) => new(HttpMethod.Get, url)
    {
        Headers = { { "Authorization", {|TP0002:"Bearer " + Token|} } },
    };
}
