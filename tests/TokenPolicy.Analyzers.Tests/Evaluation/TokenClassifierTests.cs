using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Tests.Rules.TP0002;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

public class TokenClassifierTests
{
    private const double Threshold = TokenPolicyOptions.DefaultEntropyThreshold;
    private const int MinLength = TokenPolicyOptions.DefaultMinLength;

    private static string R(int length, int seed) => TestTokens.RandomAlphanumeric(length, seed);

    public static TheoryData<string, string> Tokens => new()
    {
        { TestTokens.Jwt, "JWT" },
        { TestTokens.Base64Url("{\"alg\":\"none\"}") + "." + TestTokens.Base64Url("{\"sub\":\"x\"}") + ".", "JWT" },
        { TestTokens.GitHub, "GitHub token" },
        { "gh" + "p_" + new string('a', 36), "GitHub token" },
        { "gh" + "o_" + R(36, 20), "GitHub token" },
        { "gh" + "u_" + R(36, 21), "GitHub token" },
        { "gh" + "s_" + R(36, 22), "GitHub token" },
        { "gh" + "r_" + R(36, 23), "GitHub token" },
        { TestTokens.GitHubFineGrained, "GitHub token" },
        { TestTokens.GitLab, "GitLab token" },
        { TestTokens.Slack, "Slack token" },
        { "xo" + "xp-" + R(30, 24), "Slack token" },
        { "sk" + "_live_" + R(24, 25), "Stripe key" },
        { "rk" + "_live_" + R(24, 26), "Stripe key" },
        { "sk" + "-" + R(48, 27), "secret API key (sk-)" },
        { "AK" + "IA" + TestTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 28), "AWS access key ID" },
        { "np" + "m_" + R(36, 29), "npm token" },
        { "hf" + "_" + R(34, 30), "Hugging Face token" },
        { "py" + "pi-" + TestTokens.Base64Url(new string('p', 12)) + R(60, 31), "PyPI token" },
        { TestTokens.HighEntropy, "high-entropy token" },
        { "  " + TestTokens.GitHub + "  ", "GitHub token" },
        { TestTokens.SonarQube, "SonarQube token" },
        { "sq" + "p_" + TestTokens.Random("0123456789abcdef", 40, 32), "SonarQube token" },
        { TestTokens.YouTrack, "YouTrack token" },
        { "SG" + "." + R(22, 33) + "." + R(43, 34), "SendGrid key" },
        { "ya" + "29." + R(60, 35), "Google OAuth token" },
        { "gl" + "sa_" + R(32, 36) + "_" + TestTokens.Random("0123456789abcdef", 8, 37), "Grafana token" },
        { TestTokens.DiscordBot, "high-entropy token" },
        { TestTokens.Random("0123456789", 10, 43) + ":" + TestTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 35, 44), "Telegram bot token" },
        { TestTokens.RandomAlphanumeric(24, 38), "high-entropy token" },
        { TestTokens.Random("abcdefghijklmnopqrstuvwxyz0123456789", 32, 39), "high-entropy token" },
        { TestTokens.Basic("x-access-token", TestTokens.GitHub), "GitHub token in Basic credentials" },
        { TestTokens.Basic("", TestTokens.RandomAlphanumeric(52, 42)), "high-entropy token in Basic credentials" },
    };

    /// <summary>
    /// Literal shapes found in real product code (dapr/dotnet-sdk, octokit/octokit.net) that the random-string test must
    /// keep silent, plus encoded data and ids.
    /// </summary>
    public static TheoryData<string> RealNonTokens => new()
    {
        "dapr.proto.runtime.v1.Dapr",
        "application/vnd.github.v3.repository+json",
        "workflow-versioning-three-v1",
        "System.Net.Http.SocketsHttpHandler.Http2UnencryptedSupport",
        "DAPR1301MessageFormat",
        "ErrorExceptionSerializationFailed1",
        "BenchmarkActor01",
        "VacationApprovalWorkflow20260212153700",
        "chacha20-poly1305",
        "repositories/1/git/refs/heads/develop",
        "/v1.0/healthz/outbound",
        "us-west-1/org/xpto/secretabc",
        "0123456789abcdef",
        "12345678:" + new string('A', 35),
        "1234567:" + R(35, 66),
        "U29tZSBDb250ZW50",
        "TmV3IENvbnRlbnQ=",
        "GEZDGORQFY2TCNZRGY2TSMBVGUYDK",
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
        "https://api.example.org/v1/" + R(24, 60),
        "C:/tools/bin/" + R(20, 61),
        "./scripts/" + R(20, 62),
        TestTokens.Basic("username", "password12345"),
    };

    /// <summary>Ids and hashes out of context, API keys in a credential slot (a header value, after a token scheme, a raw-token sink).</summary>
    public static TheoryData<string> HexIds => new()
    {
        TestTokens.Hex32,
        Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301").ToString(),
        TestTokens.Random("0123456789abcdef", 40, 63),
        "00-" + TestTokens.Random("0123456789abcdef", 32, 64) + "-" + TestTokens.Random("0123456789abcdef", 16, 65) + "-01",
    };

    [Theory]
    [MemberData(nameof(RealNonTokens))]
    public void Names_paths_encoded_text_and_data_are_not_random_tokens(string value)
    {
        Assert.False(TokenClassifier.ClassifyToken(value, Threshold, MinLength).IsToken, value);
        Assert.False(TokenClassifier.ClassifyCredential(value, Threshold, MinLength).IsToken, value);
    }

    [Theory]
    [MemberData(nameof(HexIds))]
    public void Hex_ids_and_guids_are_tokens_only_in_a_credential_slot_such_as_a_header_value(string value)
    {
        Assert.False(TokenClassifier.ClassifyToken(value, Threshold, MinLength).IsToken, value);
        Assert.Equal("high-entropy token", TokenClassifier.ClassifyCredential(value, Threshold, MinLength).Kind);
        Assert.Equal("high-entropy token", TokenClassifier.ClassifyHeaderValue(value, Threshold, MinLength).Kind);
        Assert.Equal("high-entropy token", TokenClassifier.ClassifyHeaderValue("Bearer " + value, Threshold, MinLength).Kind);
    }

    [Fact]
    public void Random_strings_of_every_token_alphabet_are_mostly_recognised()
    {
        // Seeded: the same 500 strings each run. Single-case alphabets form longer runs by chance, so fewer pass.
        var alphabets = new (string Alphabet, double Minimum)[]
        {
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 0.93),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 0.90),
            ("abcdefghijklmnopqrstuvwxyz0123456789", 0.70),
        };
        foreach (var (alphabet, minimum) in alphabets)
        {
            var recognised = Enumerable.Range(0, 500).Count(i => TokenClassifier.ClassifyToken(TestTokens.Random(alphabet, 32, 1000 + i), Threshold, MinLength).IsToken);
            Assert.True(recognised >= minimum * 500, $"{alphabet}: {recognised} of 500");
        }
    }

    [Theory]
    [InlineData("Bot ")]
    [InlineData("bot ")]
    [InlineData("OAuth ")]
    [InlineData("SSWS ")]
    [InlineData("ApiKey ")]
    [InlineData("JWT ")]
    public void Other_token_schemes_classify_the_credential(string scheme)
        => Assert.Equal("high-entropy token", TokenClassifier.ClassifyHeaderValue(scheme + TestTokens.DiscordBot, Threshold, MinLength).Kind);

    [Fact]
    public void Basic_credentials_are_judged_by_their_password()
    {
        Assert.Equal("GitHub token in Basic credentials", TokenClassifier.ClassifyHeaderValue("Basic " + TestTokens.Basic("bot", TestTokens.GitHub), Threshold, MinLength).Kind);
        Assert.Equal("JWT in Basic credentials", TokenClassifier.ClassifyHeaderValue("basic " + TestTokens.Basic("", TestTokens.Jwt), Threshold, MinLength).Kind);
        Assert.False(TokenClassifier.ClassifyHeaderValue("Basic " + TestTokens.Basic("admin", "S3cr3tPassw0rd2024"), Threshold, MinLength).IsToken);
        Assert.False(TokenClassifier.ClassifyHeaderValue("Basic " + TestTokens.Basic("admin", "<password>"), Threshold, MinLength).IsToken);
        Assert.False(TokenClassifier.ClassifyHeaderValue("Basic " + TestTokens.RandomAlphanumeric(40, 70), Threshold, MinLength).IsToken);
        Assert.False(TokenClassifier.ClassifyHeaderValue("Basic " + TestTokens.Basic("admin", ""), Threshold, MinLength).IsToken);
    }

    [Fact]
    public void Passwords_count_only_when_they_are_tokens()
    {
        Assert.Equal("GitHub token", TokenClassifier.ClassifyPassword(TestTokens.GitHub, Threshold, MinLength).Kind);
        Assert.Equal("high-entropy token", TokenClassifier.ClassifyPassword(TestTokens.RandomAlphanumeric(TokenClassifier.MinRandomPasswordLength, 71), Threshold, MinLength).Kind);
        Assert.False(TokenClassifier.ClassifyPassword(TestTokens.RandomAlphanumeric(TokenClassifier.MinRandomPasswordLength - 1, 72), Threshold, MinLength).IsToken);
        Assert.False(TokenClassifier.ClassifyPassword("S3cr3tPassw0rd2024", Threshold, MinLength).IsToken);
        Assert.False(TokenClassifier.ClassifyPassword("changeme", Threshold, MinLength).IsToken);
    }

    public static TheoryData<string> NotTokens => new()
    {
        "",
        "   ",
        "<token>",
        "<your-token>",
        "{token}",
        "{0}",
        "{{token}}",
        "${TOKEN}",
        "$(TOKEN)",
        "$TOKEN",
        "%TOKEN%",
        "YOUR_TOKEN",
        "your_token_here",
        "YourTokenHere",
        "xxx",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "XXXX-XXXX-XXXX-XXXX",
        "***",
        "********************",
        "changeme",
        "REPLACE_ME",
        "TODO",
        "dummy",
        "example",
        "placeholder",
        "insert-token-here",
        "Bearer",
        "token",
        "eyJhbGciOiJIUzI1NiJ9...",
        "eyJ",
        "gh" + "p_",
        "gh" + "p_" + new string('x', 36),
        "gh" + "p_" + R(10, 40),
        "gh" + "p_YOUR_TOKEN_HERE_0000000000000000000",
        "sk" + "_live_" + new string('0', 24),
        "not a token at all but long",
        "https://example.org/some/path/1234",
        "abcdefghijklmnopqrstuvwxyz",
        "ThisIsAPascalCaseIdentifier",
        "12345678901234567890",
        "service-account",
        "/var/run/secrets/kubernetes.io/serviceaccount/token",
        R(12, 41),
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Token_like_values_are_classified(string value, string kind)
        => Assert.Equal(kind, TokenClassifier.ClassifyToken(value, Threshold, MinLength).Kind);

    [Theory]
    [MemberData(nameof(NotTokens))]
    public void Placeholders_schemes_and_plain_text_are_not_tokens(string value)
        => Assert.False(TokenClassifier.ClassifyToken(value, Threshold, MinLength).IsToken, value);

    [Theory]
    [MemberData(nameof(NotTokens))]
    public void Placeholders_after_a_scheme_are_not_tokens(string value)
    {
        Assert.False(TokenClassifier.ClassifyHeaderValue("Bearer " + value, Threshold, MinLength).IsToken, value);
        Assert.False(TokenClassifier.ClassifyHeaderValue("token " + value, Threshold, MinLength).IsToken, value);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer ")]
    [InlineData("BEARER  ")]
    [InlineData("Token ")]
    [InlineData("token ")]
    [InlineData("  Bearer\t")]
    public void Header_values_with_a_token_scheme_classify_the_credential(string scheme)
        => Assert.Equal("JWT", TokenClassifier.ClassifyHeaderValue(scheme + TestTokens.Jwt, Threshold, MinLength).Kind);

    [Theory]
    [InlineData("Basic ")]
    [InlineData("Digest ")]
    [InlineData("Negotiate ")]
    [InlineData("Custom ")]
    public void Header_values_with_other_schemes_are_out_of_scope(string scheme)
        => Assert.False(TokenClassifier.ClassifyHeaderValue(scheme + TestTokens.Jwt, Threshold, MinLength).IsToken);

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("token")]
    [InlineData("Basic")]
    [InlineData("")]
    public void A_scheme_alone_is_not_a_token(string header)
        => Assert.False(TokenClassifier.ClassifyHeaderValue(header, Threshold, MinLength).IsToken);

    [Fact]
    public void A_bare_credential_in_a_header_value_is_classified()
        => Assert.Equal("GitHub token", TokenClassifier.ClassifyHeaderValue(TestTokens.GitHub, Threshold, MinLength).Kind);

    [Fact]
    public void A_raw_token_must_not_carry_its_scheme()
        => Assert.False(TokenClassifier.ClassifyToken("Bearer " + TestTokens.Jwt, Threshold, MinLength).IsToken);

    [Theory]
    [InlineData("Authorization: Bearer ", true)]
    [InlineData("authorization:Bearer ", true)]
    [InlineData("  AUTHORIZATION :  token ", true)]
    [InlineData("X-Api-Key: ", false)]
    [InlineData("Authorization ", false)]
    public void Authorization_header_lines_are_recognised(string prefix, bool isAuthorization)
    {
        var value = TokenClassifier.GetAuthorizationHeaderLineValue(prefix + TestTokens.GitHub);
        Assert.Equal(isAuthorization, value is not null);
        if (isAuthorization)
        {
            Assert.True(TokenClassifier.ClassifyHeaderValue(value, Threshold, MinLength).IsToken);
        }
    }

    [Fact]
    public void Min_length_decides_for_short_random_strings()
    {
        var shortToken = TestTokens.DistinctAlphanumeric(12, 50);
        Assert.False(TokenClassifier.ClassifyToken(shortToken, Threshold, MinLength).IsToken);
        Assert.Equal("high-entropy token", TokenClassifier.ClassifyToken(shortToken, Threshold, minLength: 10).Kind);
    }

    [Fact]
    public void Entropy_threshold_decides_for_random_strings()
    {
        var entropy = TokenClassifier.ShannonEntropy(TestTokens.HighEntropy);
        Assert.True(entropy > Threshold);
        Assert.True(TokenClassifier.ClassifyToken(TestTokens.HighEntropy, entropy - 0.01, MinLength).IsToken);
        Assert.False(TokenClassifier.ClassifyToken(TestTokens.HighEntropy, entropy + 0.01, MinLength).IsToken);
    }

    [Fact]
    public void Hex_strings_are_held_to_a_lower_threshold()
    {
        var entropy = TokenClassifier.ShannonEntropy(TestTokens.Hex32);
        Assert.True(entropy < Threshold);
        var reduction = TokenClassifier.HexThresholdReduction;
        Assert.True(TokenClassifier.ClassifyCredential(TestTokens.Hex32, entropy + reduction - 0.01, MinLength).IsToken);
        Assert.False(TokenClassifier.ClassifyCredential(TestTokens.Hex32, entropy + reduction + 0.01, MinLength).IsToken);
    }

    [Fact]
    public void Known_prefixes_do_not_depend_on_the_entropy_options()
        => Assert.Equal("GitHub token", TokenClassifier.ClassifyToken(TestTokens.GitHub, entropyThreshold: 10, minLength: 500).Kind);

    [Fact]
    public void Shannon_entropy_is_bits_per_character()
    {
        Assert.Equal(0, TokenClassifier.ShannonEntropy("aaaa"));
        Assert.Equal(1, TokenClassifier.ShannonEntropy("abab"), 6);
        Assert.Equal(4, TokenClassifier.ShannonEntropy("0123456789abcdef"), 6);
    }

    [Theory]
    [InlineData("Bearer", true)]
    [InlineData("bearer", true)]
    [InlineData(" BEARER ", true)]
    [InlineData("Token", true)]
    [InlineData("Bot", true)]
    [InlineData("oauth", true)]
    [InlineData("SSWS", true)]
    [InlineData("Basic", false)]
    [InlineData("Digest", false)]
    [InlineData("Bearer2", false)]
    [InlineData(null, false)]
    public void Token_schemes(string? scheme, bool expected)
        => Assert.Equal(expected, TokenClassifier.IsTokenScheme(scheme));
}
