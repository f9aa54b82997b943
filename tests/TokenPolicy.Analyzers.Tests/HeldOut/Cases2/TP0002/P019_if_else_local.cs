// Shape: local assigned in if/else branches, one branch a hardcoded npm token, sent as a bare Authorization value
using System.Net.Http;

namespace Packages.Mirror;

public sealed class RegistryRequestFactory
{
    public HttpRequestMessage Create(bool useMirrorCredential, string userToken)
    {
        string value;
        if (useMirrorCredential)
        {
            value = "Bearer $$NPM$$";
        }
        else
        {
            value = "Bearer " + userToken;
        }

        var request = new HttpRequestMessage(HttpMethod.Get, "https://registry.internal/-/whoami");
        request.Headers.Add("Authorization", {|TP0002:value|});
        return request;
    }
}
