// Shape: base-class property used in the header, assigned by a derived constructor
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public abstract class ApiClientBase
{
    protected string ApiToken { get; set; } = "";

    public void Authorize(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:ApiToken|});
}

public sealed class BillingApi : ApiClientBase
{
    public BillingApi()
    {
        ApiToken = "$$JWT$$";
    }
}
