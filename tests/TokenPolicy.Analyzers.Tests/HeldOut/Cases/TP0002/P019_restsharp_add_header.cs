// Shape: RestSharp RestRequest.AddHeader("Authorization", ...)
using System.Threading.Tasks;
using RestSharp;

namespace Partner.Api;

public sealed class Orders
{
    private readonly RestClient _client = new("https://orders.invalid");

    public Task<RestResponse> ListAsync()
    {
        var request = new RestRequest("/orders");
        request.AddHeader("Authorization", {|TP0002:"Bearer $$RAND48$$"|});
        return _client.ExecuteAsync(request);
    }
}
