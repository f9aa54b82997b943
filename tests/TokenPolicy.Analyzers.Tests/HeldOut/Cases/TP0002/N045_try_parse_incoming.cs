// Shape: TryParse of an incoming runtime header value
using System.Net.Http.Headers;

namespace Webhooks;

public static class IncomingParse
{
    public static string? Token(string? header)
        => AuthenticationHeaderValue.TryParse(header, out var value) && value.Scheme == "Bearer" ? value.Parameter : null;
}
