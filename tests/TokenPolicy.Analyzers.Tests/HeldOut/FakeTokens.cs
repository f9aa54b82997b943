using System.Text;
using System.Text.RegularExpressions;

namespace TokenPolicy.Analyzers.Tests.HeldOut;

/// <summary>
/// The held-out cases never contain a token: they contain placeholders such as <c>$$GHP$$</c>, replaced here, before
/// compiling, by a generated value of the vendor's shape. Values are deterministic (seeded by the case's name, the kind
/// and the occurrence) so a run is reproducible, and they avoid the words the rule pages treat as placeholders
/// (<c>fake</c>, <c>example</c>, <c>here</c>, ...), so a case is judged on its code, not on its token's text.
/// <c>$$KIND:n$$</c> gives the n-th distinct value of a kind within one case (the same n twice gives the same value).
/// </summary>
internal static partial class FakeTokens
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Hex = "0123456789abcdef";
    private const string Base64Url = Alnum + "-_";
    private const string Digits = "0123456789";

    // Words the rule pages (TP0002 "Never reported") treat as placeholder markers; generated text never contains them.
    private static readonly string[] s_avoid =
    {
        "changeme", "replace", "todo", "dummy", "example", "placeholder", "redacted", "fake", "sample", "insert", "here",
        "xxx", "test", "your", "token", "secret",
    };

    /// <summary>The placeholder kinds a case may use, and what each becomes.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Random, string>> Kinds = new Dictionary<string, Func<Random, string>>
    {
        ["JWT"] = Jwt,
        ["GHP"] = r => "ghp_" + Take(r, Alnum, 36),
        ["GHO"] = r => "gho_" + Take(r, Alnum, 36),
        ["GHS"] = r => "ghs_" + Take(r, Alnum, 36),
        ["GITHUB_PAT"] = r => "github_pat_" + Take(r, Upper, 22) + "_" + Take(r, Alnum, 59),
        ["GLPAT"] = r => "glpat-" + Take(r, Alnum + "-_", 20),
        ["XOXB"] = r => "xoxb-" + Take(r, Digits, 12) + "-" + Take(r, Digits, 13) + "-" + Take(r, Alnum, 24),
        ["XOXP"] = r => "xoxp-" + Take(r, Digits, 12) + "-" + Take(r, Digits, 12) + "-" + Take(r, Digits, 13) + "-" + Take(r, Hex, 32),
        ["SK"] = r => "sk-" + Take(r, Alnum, 48),
        ["NPM"] = r => "npm_" + Take(r, Alnum, 36),
        ["HF"] = r => "hf_" + Take(r, Alnum, 34),
        ["SHPAT"] = r => "shpat_" + Take(r, Hex, 32),
        // YouTrack permanent token: perm:<base64 login>.<base64 name>.<random>
        ["PERM"] = r => "perm:" + Convert.ToBase64String(Encoding.ASCII.GetBytes("ci-runner")).TrimEnd('=') + "." + Take(r, Alnum, 8) + "=." + Take(r, Alnum, 30),
        // SonarQube user token: squ_ and 40 hex digits.
        ["SQU"] = r => "squ_" + Take(r, Hex, 40),
        ["HEX40"] = r => Take(r, Hex, 40),
        ["HEX32"] = r => Take(r, Hex, 32),
        ["RAND32"] = r => Take(r, Alnum, 32),
        ["RAND48"] = r => Take(r, Base64Url, 48),
        // Discord bot token: base64 of a numeric id, a timestamp piece and an HMAC piece.
        ["DISCORD"] = r => Convert.ToBase64String(Encoding.ASCII.GetBytes(Take(r, Digits, 18))).TrimEnd('=') + "." + Take(r, Base64Url, 6) + "." + Take(r, Base64Url, 38),
        // user:password for Basic (a password, not a bearer token).
        ["BASIC"] = r => Convert.ToBase64String(Encoding.ASCII.GetBytes("deploy:" + Take(r, Alnum, 20))),
    };

    [GeneratedRegex(@"\$\$(?<kind>[A-Z0-9_]+)(?::(?<n>\d+))?\$\$")]
    private static partial Regex Placeholder();

    /// <summary>Replaces every placeholder of <paramref name="text"/>; throws on an unknown kind (a typo in a case).</summary>
    public static string Expand(string text, string caseName)
        => Placeholder().Replace(text, match =>
        {
            var kind = match.Groups["kind"].Value;
            if (!Kinds.TryGetValue(kind, out var make))
            {
                throw new InvalidOperationException($"{caseName}: unknown token placeholder '{match.Value}'");
            }

            var n = match.Groups["n"].Success ? match.Groups["n"].Value : "0";
            var random = new Random(StableHash(caseName + "|" + kind + "|" + n));
            for (var attempt = 0; ; attempt++)
            {
                var value = make(random);
                if (attempt > 100 || !s_avoid.Any(w => value.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    return value;
                }
            }
        });

    private static string Jwt(Random random)
    {
        static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = B64("{\"sub\":\"svc-" + Take(random, Digits, 6) + "\",\"iss\":\"https://issuer.invalid\",\"iat\":1700000000}");
        return header + "." + payload + "." + Take(random, Base64Url, 43);
    }

    private static string Take(Random random, string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>FNV-1a: stable across processes (string.GetHashCode is randomised).</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
