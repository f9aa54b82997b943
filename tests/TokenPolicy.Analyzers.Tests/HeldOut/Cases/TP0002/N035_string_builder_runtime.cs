// Shape: StringBuilder header value with a runtime token
using System.Net.Http;
using System.Text;

namespace Partner.Api;

public static class RuntimeBuilder
{
    public static void Apply(HttpRequestMessage request, string accessToken)
    {
        var value = new StringBuilder("Bearer ");
        value.Append(accessToken);
        request.Headers.Add("Authorization", value.ToString());
    }
}
