// Shape: comparing an incoming Authorization parameter with a shared value (read, not sent)
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Webhooks;

public static class Verifier
{
    private const string Expected = "$$RAND32$$";

    public static bool IsAuthorized(AuthenticationHeaderValue? header)
        => header?.Parameter is { } value
           && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(Expected));
}
