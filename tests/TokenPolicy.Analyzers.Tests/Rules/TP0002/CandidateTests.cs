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
