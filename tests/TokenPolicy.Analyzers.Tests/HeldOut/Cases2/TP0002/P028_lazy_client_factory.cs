// Shape: Lazy<HttpClient> whose factory lambda sets DefaultRequestHeaders.Authorization from a static readonly token
using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Billing.Invoices;

public static class InvoiceApi
{
    private static readonly string Token = "$$JWT$$";

    private static readonly Lazy<HttpClient> s_client = new(() =>
    {
        var client = new HttpClient { BaseAddress = new Uri("https://invoices.internal/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token|});
        return client;
    });

    public static HttpClient Client => s_client.Value;
}
