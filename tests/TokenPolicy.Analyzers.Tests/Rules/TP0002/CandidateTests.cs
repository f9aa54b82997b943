using TokenPolicy.Analyzers.Candidates;
using TokenPolicy.Analyzers.Configuration;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// TP0002's literal prefilter (before any flow analysis) lets every token shape the rule reports through, and keeps the
/// non-token shapes of real code out: a literal it dismisses can never be part of a finding.
/// </summary>
public class CandidateTests
{
    private static readonly TokenLiteralCandidates Tokens = new(TokenPolicyOptions.Default);

    public static TheoryData<string> ReportedShapes => new()
    {
        "Bot " + TestTokens.DiscordBot,
        "OAuth " + TestTokens.HighEntropy,
        "bearer " + TestTokens.Jwt,
        TestTokens.YouTrack,
        TestTokens.SonarQube,
        "Bearer " + TestTokens.SonarQube,
        TestTokens.Hex32,
        "Bearer 3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        "Basic " + TestTokens.Basic("x-access-token", TestTokens.GitHub),
        TestTokens.Basic("", TestTokens.RandomAlphanumeric(52, 100)),
        "Authorization: token " + TestTokens.GitHub,
        "pe" + "rm:",
        "sq" + "u_",
    };

    public static TheoryData<string> NonTokenShapes => new()
    {
        "dapr.proto.runtime.v1.Dapr",
        "application/vnd.github.v3+json",
        "ErrorExceptionSerializationFailed1",
        "Basic " + TestTokens.Basic("admin", "password12345"),
        "Bearer U29tZSBDb250ZW50",
        "https://api.example.org/v1/" + TestTokens.RandomAlphanumeric(24, 101),
    };

    [Theory]
    [MemberData(nameof(ReportedShapes))]
    public void Token_shapes_are_candidates(string literal)
    {
        Assert.True(Tokens.MayContain(literal.AsSpan()), literal);
        Assert.True(Tokens.IsCandidate(literal), literal);
    }

    [Theory]
    [MemberData(nameof(NonTokenShapes))]
    public void Non_token_shapes_are_not_candidates(string literal) => Assert.False(Tokens.IsCandidate(literal), literal);
}

/// <summary>
/// The cheap test reads each word's runs (between <c>{</c>, <c>}</c> and <c>:</c>): long words of real code that mix other
/// characters (URLs, format strings, rule ids, time stamps) end there, and nothing the classifier calls a token does.
/// </summary>
public class CandidateRunTests
{
    private static readonly TokenLiteralCandidates Tokens = new(TokenPolicyOptions.Default);

    public static TheoryData<string> LongWordsOfRealCode => new()
    {
        "https://developer.github.com/v3/repos/keys/#get",
        "http://developer.github.com/v3/misc/",
        "repos/{0}/{1}/pages/builds/latest",
        "CA1024:UsePropertiesWhereAppropriate",
        "2020-01-20T09:42:45.000-08:00",
        "https://docs.github.com/en/rest/collaborators/collaborators?apiVersion=2022-11-28",
        "/api/v3/orgs/members2/conceal",
    };

    [Theory]
    [MemberData(nameof(LongWordsOfRealCode))]
    public void Long_words_of_other_characters_are_dismissed(string literal)
    {
        // The looser test of every word (kept for texts with an escape) lets them through; the runs do not.
        Assert.True(Tokens.MayContainAnyWord(literal.AsSpan()), literal);
        Assert.False(Tokens.MayContain(literal.AsSpan()), literal);
        Assert.False(Tokens.IsTokenValue(literal), literal);
    }

    public static TheoryData<string> TokensInsideRuns => new()
    {
        "Authorization:" + TestTokens.GitHub,
        "Authorization:" + TestTokens.HighEntropy,
        "{scheme} " + TestTokens.HighEntropy,
        "{0}" + TestTokens.GitHub,
        "Bearer {id}" + TestTokens.GitLab,
        "123456789:" + TestTokens.RandomAlphanumeric(35, 201),
        TestTokens.YouTrack,
        "Bearer \\u0067hp_" + TestTokens.RandomAlphanumeric(36, 202),
    };

    [Theory]
    [InlineData("a b c")]
    [InlineData("of the words")]
    [InlineData("the token is here")]
    public void More_than_three_words_are_prose_even_after_a_token(string rest)
    {
        // A token found early still has the words after it counted: "Authorization: Bearer x" is the most a value holds.
        Assert.True(Tokens.MayContain(("Bearer " + TestTokens.GitHub + " " + rest.Split(' ')[0]).AsSpan()));
        Assert.False(Tokens.MayContain(("Bearer " + TestTokens.GitHub + " " + rest).AsSpan()));
        Assert.False(Tokens.MayContain((TestTokens.HighEntropy + " " + rest).AsSpan()));
        Assert.False(Tokens.MayContainAnyWord(("Bearer " + TestTokens.GitHub + " " + rest).AsSpan()));
    }

    [Theory]
    [MemberData(nameof(TokensInsideRuns))]
    public void A_token_after_a_hole_or_a_colon_still_passes(string text) => Assert.True(Tokens.MayContain(text.AsSpan()), text);

    /// <summary>
    /// Generated texts of token pieces, schemes, holes and URL parts: wherever the looser test passes a text and the
    /// classifier calls one of its segments (the text itself, or what lies between its holes, as an interpolated
    /// literal's text tokens) a token, the cheap test passes the text too.
    /// </summary>
    [Fact]
    public void The_cheap_test_never_rejects_what_the_classifier_accepts()
    {
        string[] tokens =
        {
            TestTokens.GitHub, TestTokens.GitHubFineGrained, TestTokens.GitLab, TestTokens.Slack, TestTokens.HighEntropy,
            TestTokens.Hex32, TestTokens.SonarQube, TestTokens.YouTrack, TestTokens.DiscordBot, TestTokens.Jwt,
            TestTokens.Basic("x-access-token", TestTokens.GitHub), TestTokens.Basic("", TestTokens.RandomAlphanumeric(52, 300)),
            "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "1234567890:" + TestTokens.RandomAlphanumeric(35, 301),
            "pe" + "rm:", "sq" + "u_", "ey" + "J",
        };
        string[] pieces =
        {
            "Bearer ", "token ", "Bot ", "Basic ", "OAuth ", "Authorization: ", "Authorization:", "{0}", "{id}", "{", "}",
            ":", "#", ",", "-", "/", ".", "~", "?", "=", "+", "https://", "api.example.org/v3/", "?access_token=", " ",
            "repos", "2024", "CA1024", "-08:00",
        };

        var random = new Random(20261202);
        var checkedTexts = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var builder = new System.Text.StringBuilder();
            var parts = random.Next(1, 6);
            for (var i = 0; i < parts; i++)
            {
                var token = random.Next(3) == 0;
                var source = token ? tokens : pieces;
                var part = source[random.Next(source.Length)];
                if (token && random.Next(4) == 0)
                {
                    // A token cut short or run on: the start, or more of the alphabet after it.
                    part = random.Next(2) == 0 ? part.Substring(0, Math.Max(1, part.Length / 2)) : part + TestTokens.RandomAlphanumeric(random.Next(1, 20), round);
                }

                builder.Append(part);
            }

            var text = builder.ToString();
            if (!Tokens.MayContainAnyWord(text.AsSpan()))
            {
                continue;
            }

            foreach (var segment in Segments(text))
            {
                if (Tokens.IsTokenValue(segment))
                {
                    checkedTexts++;
                    Assert.True(Tokens.MayContain(text.AsSpan()), $"'{text}' (segment '{segment}')");
                }
            }
        }

        Assert.True(checkedTexts > 1_000, $"only {checkedTexts} generated texts held a token");
    }

    /// <summary>The text, and its runs between holes (an interpolated literal's text tokens).</summary>
    private static IEnumerable<string> Segments(string text)
    {
        yield return text;
        foreach (var segment in text.Split('{', '}'))
        {
            if (segment.Length > 0)
            {
                yield return segment;
            }
        }
    }
}

/// <summary>
/// The families that look for fixed words (token paths, credential endpoints) skip a quoted piece without one of the
/// word's letters; a piece with a character outside ASCII is always searched (it may fold to a letter in any case).
/// </summary>
public class CandidateLetterTests
{
    public static TheoryData<string, string> Texts => new()
    {
        { "/var/run/secrets/kubernetes.io/serviceaccount/token", "token-path" },
        { "TOKEN", "token-path" },
        { "/api/ambient/v1/credentials/{id}/token", "both" },
        { "CREDENTIALS", "credential-endpoint" },
        { "/var/run/secrets/tok\u0131en", "none" },
        { "cred\u0131ent\u0131als", "none" },
        { "application/json", "none" },
        { "repos/{0}/{1}/pages", "none" },
        { "to ken", "none" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_letter_test_gives_the_same_answer_as_the_search(string text, string family)
    {
        var letters = TokenPolicy.Analyzers.Evaluation.CandidateFilter.Letters(text.AsSpan());
        var path = new TokenPathCandidates(TokenPolicyOptions.Default);
        var endpoint = new CredentialEndpointCandidates(TokenPolicyOptions.Default);
        Assert.Equal(path.MayContain(text.AsSpan()), path.MayContain(text.AsSpan(), letters));
        Assert.Equal(endpoint.MayContain(text.AsSpan()), endpoint.MayContain(text.AsSpan(), letters));
        Assert.Equal(family is "token-path" or "both", path.MayContain(text.AsSpan(), letters) && !text.Contains('\u0131'));
        Assert.Equal(family is "credential-endpoint" or "both", endpoint.MayContain(text.AsSpan(), letters) && !text.Contains('\u0131'));
    }

    [Fact]
    public void Letters_fold_case_and_mark_digits_and_other_characters()
    {
        var letters = TokenPolicy.Analyzers.Evaluation.CandidateFilter.Letters("aZ9\u00e9".AsSpan());
        Assert.Equal((1UL << 0) | (1UL << 25) | (1UL << 26), letters & TokenPolicy.Analyzers.Evaluation.CandidateFilter.Folded);
        Assert.Equal((1UL << 0) | (1UL << 25) | (1UL << 26) | (1UL << (27 + 25)) | TokenPolicy.Analyzers.Evaluation.CandidateFilter.NonAscii, letters);
    }

    [Fact]
    public void Letters_of_every_character_follow_their_definition()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            ulong expected = 0;
            if (c is >= 'a' and <= 'z')
            {
                expected = 1UL << (c - 'a');
            }
            else if (c is >= 'A' and <= 'Z')
            {
                expected = (1UL << (c - 'A')) | (1UL << (27 + c - 'A'));
            }
            else if (c is >= '0' and <= '9')
            {
                expected = 1UL << 26;
            }
            else if (c >= 0x80)
            {
                expected = TokenPolicy.Analyzers.Evaluation.CandidateFilter.NonAscii;
            }
            else
            {
                expected = c switch { '_' => 1UL << 53, '-' => 1UL << 54, '.' => 1UL << 55, ':' => 1UL << 56, _ => 0UL };
            }

            Assert.True(expected == TokenPolicy.Analyzers.Evaluation.CandidateFilter.Letters(new[] { c }), $"U+{i:X4}");
        }
    }

    [Fact]
    public void Exact_bits_keep_case_and_the_punctuation_of_prefixes()
    {
        ulong L(string s) => TokenPolicy.Analyzers.Evaluation.CandidateFilter.Letters(s.AsSpan());
        ulong E(string s) => TokenPolicy.Analyzers.Evaluation.CandidateFilter.ExactBits(s);
        bool Holds(string text, string word) => TokenPolicy.Analyzers.Evaluation.CandidateFilter.MayHoldExactly(L(text), E(word));
        Assert.True(Holds("x eyJhbG", "eyJ"));
        Assert.False(Holds("x eyjhbg", "eyJ"));
        Assert.True(Holds("SG.abc", "SG."));
        Assert.False(Holds("sg abc", "SG."));
        Assert.False(Holds("sk live", "sk_live_"));
        Assert.True(Holds("sk_live_", "sk_live_"));
        Assert.True(Holds("dp.pt.1", "dp.pt."));
        Assert.False(Holds("ya.", "ya29."));
    }
}

/// <summary>
/// TP0002's family rejects a piece without a digit from its letters alone when no token start can be in it: always the
/// answer the reading of the text gives (<see cref="TokenLiteralCandidates.MayContain(ReadOnlySpan{char})"/>).
/// </summary>
public class TokenLiteralLetterTests
{
    private static readonly TokenLiteralCandidates Tokens = new(TokenPolicyOptions.Default);

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "Not found", "application/json", "Authorization", "Bearer ", "Bearer {token}", "the token is here",
            "repos/{0}/{1}/pages", "Task ask desk", "SG.", "sg.", "eyJ", "eyj", "x-eyJhbGciOi", "perm:", "perm-root",
            "Bearer \\u0067hp_abc", "ATATT", "AtAtt", "AIza", "glc_", "dp.pt.", "hf_", "a\\tb", "\u00e9t\u00e9",
        };
        foreach (var start in TokenPolicy.Analyzers.Evaluation.TokenClassifier.TokenStarts)
        {
            data.Add(start);
            data.Add("Bearer " + start);
            data.Add("x" + start + "y");
            data.Add(start.ToLowerInvariant());
            data.Add(start.ToUpperInvariant());
            data.Add(start.Substring(0, start.Length - 1));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_letter_test_gives_the_same_answer_as_reading_the_text(string text)
        => Assert.Equal(Tokens.MayContain(text.AsSpan()), Tokens.MayContain(text.AsSpan(), TokenPolicy.Analyzers.Evaluation.CandidateFilter.Letters(text.AsSpan())));

    [Fact]
    public void Generated_texts_get_the_same_answer_from_the_letter_test()
    {
        string[] pieces =
        {
            "Bearer ", "token ", "Basic ", "{0}", "{id}", ":", "-", "_", ".", "/", "\\", " ", "e", "y", "J", "S", "G", "A", "T",
            "I", "K", "z", "sk", "gh", "p", "gl", "xo", "x", "pe", "rm", "sq", "u", "hf", "np", "m", "dp", "pt", "ya", "lin", "api",
            "message", "Not found", "repos", "2", "29", "v1", "\u00e9",
        };
        var random = new Random(20261206);
        var rejectedByLetters = 0;
        for (var round = 0; round < 50_000; round++)
        {
            var builder = new System.Text.StringBuilder();
            var parts = random.Next(1, 8);
            for (var i = 0; i < parts; i++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            var text = builder.ToString();
            var letters = TokenPolicy.Analyzers.Evaluation.CandidateFilter.Letters(text.AsSpan());
            var read = Tokens.MayContain(text.AsSpan());
            Assert.True(read == Tokens.MayContain(text.AsSpan(), letters), text);
            if (!TokenPolicy.Analyzers.Evaluation.CandidateFilter.HasDigit(letters) && !read)
            {
                rejectedByLetters++;
            }
        }

        // The generator reaches both sides: texts the prefix starts rule out and texts that hold one.
        Assert.True(rejectedByLetters > 1_000, $"only {rejectedByLetters} digit-free texts were rejected");
    }
}
