// Shape: RestSharp AddDefaultHeader with a "token" scheme
using RestSharp;

namespace Partner.Api;

public static class GiteaClient
{
    private const string Token = "$$HEX40$$";

    public static RestClient Create()
    {
        var client = new RestClient("https://gitea.invalid/api/v1");
        client.AddDefaultHeader("Authorization", {|TP0002:$"token {Token}"|});
        return client;
    }
}
