// Shape: StringBuilder builds the header value in one method
using System.Net.Http;
using System.Text;

namespace Billing.Export;

public static class Built
{
    public static void Apply(HttpRequestMessage request)
    {
        var value = new StringBuilder();
        value.Append("Bearer ");
        value.Append("$$XOXB$$");
        request.Headers.Add("Authorization", {|TP0002:value.ToString()|});
    }
}
