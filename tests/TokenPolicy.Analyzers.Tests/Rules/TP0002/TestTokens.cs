using System.Text;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// Token-shaped test inputs, built at test time from a seeded <see cref="Random"/> so that no realistic secret
/// literal is ever committed. Every value is deterministic.
/// </summary>
internal static class TestTokens
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64UrlAlphabet = Alphanumeric + "-_";

    /// <summary>A JWT shape: base64url JSON header and payload (so it starts with <c>eyJ</c>) and a random signature.</summary>
    public static readonly string Jwt = MakeJwt(seed: 1);

    /// <summary>Another JWT, for tests that need two different ones.</summary>
    public static readonly string Jwt2 = MakeJwt(seed: 2);

    /// <summary>A GitHub personal-access-token shape (prefix plus 36 alphanumerics).</summary>
    public static readonly string GitHub = "gh" + "p_" + Random(Alphanumeric, 36, seed: 3);

    /// <summary>A fine-grained GitHub token shape.</summary>
    public static readonly string GitHubFineGrained = "github" + "_pat_" + Random(Alphanumeric, 22, seed: 4) + "_" + Random(Alphanumeric, 59, seed: 5);

    /// <summary>A GitLab token shape.</summary>
    public static readonly string GitLab = "gl" + "pat-" + Random(Alphanumeric, 20, seed: 6);

    /// <summary>A Slack bot token shape.</summary>
    public static readonly string Slack = "xo" + "xb-" + Random("0123456789", 12, seed: 7) + "-" + Random(Alphanumeric, 24, seed: 8);

    /// <summary>A random 40-character alphanumeric string without a known prefix.</summary>
    public static readonly string HighEntropy = Random(Alphanumeric, 40, seed: 9);

    /// <summary>A random lower-case hex string (32 characters), as many API keys are.</summary>
    public static readonly string Hex32 = Random("0123456789abcdef", 32, seed: 10);

    /// <summary>A SonarQube user-token shape (prefix plus 40 hex digits).</summary>
    public static readonly string SonarQube = "sq" + "u_" + Random("0123456789abcdef", 40, seed: 11);

    /// <summary>A YouTrack permanent-token shape: <c>perm:</c>, base64 of a login and a token name, and a random part.</summary>
    public static readonly string YouTrack = "pe" + "rm:" + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin")) + "."
        + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci-1")) + "." + Random(Alphanumeric, 30, seed: 12);

    /// <summary>A Discord bot-token shape: base64 of a numeric id, a short and a long random segment.</summary>
    public static readonly string DiscordBot = Convert.ToBase64String(Encoding.UTF8.GetBytes(Random("0123456789", 18, seed: 13))).TrimEnd('=')
        + "." + Random(Base64UrlAlphabet, 6, seed: 14) + "." + Random(Base64UrlAlphabet, 27, seed: 15);

    /// <summary>Base64 <c>user:password</c> credentials (the payload of a <c>Basic</c> header).</summary>
    public static string Basic(string user, string password) => Convert.ToBase64String(Encoding.ASCII.GetBytes(user + ":" + password));

    public static string Random(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    public static string RandomAlphanumeric(int length, int seed) => Random(Alphanumeric, length, seed);

    /// <summary>
    /// <paramref name="length"/> distinct alphanumerics (so the entropy is exactly log2(length)), starting with a
    /// digit and a letter so both character classes are present.
    /// </summary>
    public static string DistinctAlphanumeric(int length, int seed)
    {
        var letters = Alphanumeric.Substring(0, 52).ToCharArray();
        var digits = "0123456789".ToCharArray();
        var random = new Random(seed);
        random.Shuffle(letters);
        random.Shuffle(digits);
        var builder = new StringBuilder(length).Append(digits[0]).Append(letters[0]);
        var rest = letters.Skip(1).Concat(digits.Skip(1)).ToArray();
        random.Shuffle(rest);
        builder.Append(rest, 0, length - 2);
        return builder.ToString();
    }

    public static string Base64Url(string json)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string MakeJwt(int seed)
        => Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
            + Base64Url("{\"sub\":\"service-" + seed + "\",\"iat\":1700000000}") + "."
            + Random(Base64UrlAlphabet, 43, seed + 100);
}
