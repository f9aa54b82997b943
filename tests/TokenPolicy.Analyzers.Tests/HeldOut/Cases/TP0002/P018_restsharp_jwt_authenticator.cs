// Shape: RestSharp JwtAuthenticator in RestClientOptions
using RestSharp;
using RestSharp.Authenticators;

namespace Partner.Api;

public static class PartnerClient
{
    private const string Jwt = "$$JWT$$";

    public static RestClient Create()
    {
        var options = new RestClientOptions("https://partner.invalid")
        {
            Authenticator = new JwtAuthenticator({|TP0002:Jwt|}),
        };
        return new RestClient(options);
    }
}
