// Shape: RestSharp AddHeader for Accept and a runtime Authorization value
using RestSharp;

namespace Partner.Api;

public static class RestHeaders
{
    public static RestRequest Create(string token)
    {
        var request = new RestRequest("/items");
        request.AddHeader("Accept", "application/json");
        request.AddHeader("Authorization", $"Bearer {token}");
        return request;
    }
}
