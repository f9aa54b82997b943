// Shape: UseBearer extension called with "changeme"
using System;
using System.Collections.Generic;
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

public static class LocalInference
{
    public static HttpClient Create() => new HttpClient().UseBearer("changeme");
}
