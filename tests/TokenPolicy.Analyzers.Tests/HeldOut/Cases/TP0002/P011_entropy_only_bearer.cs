// Shape: entropy-only token (no vendor prefix) in a Bearer header
using System.Net.Http;
using System.Net.Http.Headers;

namespace Billing.Export;

public sealed class InvoiceExporter
{
    private const string PartnerToken = "$$RAND32$$";

    public void Authorize(HttpRequestMessage request)
        => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:PartnerToken|});
}
