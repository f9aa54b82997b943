// Shape: static extension method reading the file named by AZURE_FEDERATED_TOKEN_FILE with a null-forgiving operator
using System;
using System.IO;
using System.Net.Http;

namespace Contoso.Identity;

public static class HttpRequestMessageExtensions
{
    public static HttpRequestMessage WithFederatedAssertion(this HttpRequestMessage request)
    {
        var assertion = {|TP0001:File.ReadAllText(Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE")!)|};
        request.Content = new FormUrlEncodedContent(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string>("client_assertion", assertion),
        });
        return request;
    }
}
