// Shape: a signing key constant used for HMAC, not in a header
using System.Security.Cryptography;
using System.Text;

namespace Webhooks;

public static class Signer
{
    private const string SigningKey = "$$RAND48$$";

    public static string Sign(string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(SigningKey));
        return System.Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)));
    }
}
