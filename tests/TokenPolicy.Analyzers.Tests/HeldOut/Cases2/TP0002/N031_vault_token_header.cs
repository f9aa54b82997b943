// Shape: a Vault client token sent in X-Vault-Token (another header; not an Authorization sink)
using System.Net.Http;
using System.Net.Http.Headers;

namespace Identity.Vault;

public static class VaultHttp
{
    public static HttpClient Create()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Add("X-Vault-Token", "$$RAND32$$");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}
