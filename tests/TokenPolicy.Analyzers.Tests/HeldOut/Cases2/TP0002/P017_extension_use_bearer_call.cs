// Shape: HttpClient extension method UseBearer(token) called with a Hugging Face token literal
using System.Net.Http;
using System.Net.Http.Headers;

namespace Ml.Inference;

public static class HttpClientAuthExtensions
{
    public static HttpClient UseBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public static class InferenceClients
{
    public static HttpClient Create() => new HttpClient().UseBearer({|TP0002:"$$HF$$"|});
}
