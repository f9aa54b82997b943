// Shape: Trim() on the constant before the header
using System.Net.Http;
using System.Net.Http.Headers;

namespace Billing.Export;

public static class Trimmed
{
    private const string Pasted = " $$GHP$$\n";

    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Pasted.Trim()|});
}
