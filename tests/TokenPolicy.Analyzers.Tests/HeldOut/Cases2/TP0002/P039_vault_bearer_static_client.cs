// Shape: a console tool's static HttpClient field initializer chain: a Vault token sent as Authorization: Bearer
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Identity.Vault;

public static class SecretDump
{
    private static readonly HttpClient Http = CreateClient();

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:8200/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"$$RAND32$$"|});
        return client;
    }

    public static Task<string> ReadAsync(string path) => Http.GetStringAsync("v1/" + path);
}
