using System.Text;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>Token-shaped inputs built at test time from a seeded generator, so no secret-looking literal is committed.</summary>
internal static class TestTokens
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>A JWT shape (<c>eyJ...</c>) with a random signature.</summary>
    public static readonly string Jwt =
        Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Base64Url("{\"sub\":\"fix-tests\",\"iat\":1700000000}") + "." + Random(43, seed: 42);

    /// <summary>A GitHub personal-access-token shape.</summary>
    public static readonly string GitHub = "gh" + "p_" + Random(36, seed: 7).Replace('-', 'a').Replace('_', 'b');

    private static string Base64Url(string json)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Random(int length, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)]);
        }

        return builder.ToString();
    }
}
