// Shape: RestSharp OAuth2AuthorizationRequestHeaderAuthenticator with a token and scheme
using RestSharp;
using RestSharp.Authenticators.OAuth2;

namespace Partner.Api;

public static class OAuthHeader
{
    public static RestClient Create() => new(new RestClientOptions("https://partner.invalid")
    {
        Authenticator = new OAuth2AuthorizationRequestHeaderAuthenticator({|TP0002:"$$GHP$$"|}, "Bearer"),
    });
}
