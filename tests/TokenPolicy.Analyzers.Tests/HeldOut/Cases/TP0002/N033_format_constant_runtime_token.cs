// Shape: "Bearer {0}" format string kept as a constant for later formatting with a runtime token
using System.Globalization;
using System.Net.Http;

namespace Partner.Api;

public static class HeaderFormat
{
    public const string Format = "Bearer {0}";

    public static void Apply(HttpRequestMessage request, string token)
        => request.Headers.Add("Authorization", string.Format(CultureInfo.InvariantCulture, Format, token));
}
