using System.Text.RegularExpressions;

namespace TokenPolicy.Analyzers.Tests.HeldOut;

/// <summary>The harness's own mechanics: markup, generated tokens, and that no case file holds a literal token.</summary>
[Trait("Category", "HeldOut")]
public sealed class HeldOutHarnessTests
{
    [Fact]
    public void Markup_is_removed_and_labels_keep_their_lines()
    {
        var (source, labels) = HeldOutCases.ParseMarkup("a\n{|TP0001:b()|}\nc({|TP0002:d + {|TP0002:e|}|}) [|x|] $$", "t");

        Assert.Equal("a\nb()\nc(d + e) [|x|] $$", source);
        Assert.Collection(
            labels,
            l => Assert.Equal(("TP0001", 2, "b()"), (l.RuleId, l.Line, source.Substring(l.Span.Start, l.Span.Length))),
            l => Assert.Equal(("TP0002", 3, "d + e"), (l.RuleId, l.Line, source.Substring(l.Span.Start, l.Span.Length))),
            l => Assert.Equal(("TP0002", 3, "e"), (l.RuleId, l.Line, source.Substring(l.Span.Start, l.Span.Length))));
    }

    [Fact]
    public void Unclosed_markup_is_an_error()
        => Assert.Throws<InvalidOperationException>(() => HeldOutCases.ParseMarkup("x {|TP0001:y", "t"));

    [Theory]
    [InlineData("JWT", @"^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$")]
    [InlineData("GHP", "^ghp_[A-Za-z0-9]{36}$")]
    [InlineData("GHO", "^gho_[A-Za-z0-9]{36}$")]
    [InlineData("GHS", "^ghs_[A-Za-z0-9]{36}$")]
    [InlineData("GITHUB_PAT", "^github_pat_[A-Z0-9]{22}_[A-Za-z0-9]{59}$")]
    [InlineData("GLPAT", "^glpat-[A-Za-z0-9_-]{20}$")]
    [InlineData("XOXB", @"^xoxb-\d{12}-\d{13}-[A-Za-z0-9]{24}$")]
    [InlineData("XOXP", @"^xoxp-\d{12}-\d{12}-\d{13}-[0-9a-f]{32}$")]
    [InlineData("SK", "^sk-[A-Za-z0-9]{48}$")]
    [InlineData("NPM", "^npm_[A-Za-z0-9]{36}$")]
    [InlineData("HF", "^hf_[A-Za-z0-9]{34}$")]
    [InlineData("SHPAT", "^shpat_[0-9a-f]{32}$")]
    [InlineData("PERM", @"^perm:[A-Za-z0-9+/]+\.[A-Za-z0-9]{8}=\.[A-Za-z0-9]{30}$")]
    [InlineData("SQU", "^squ_[0-9a-f]{40}$")]
    [InlineData("HEX40", "^[0-9a-f]{40}$")]
    [InlineData("HEX32", "^[0-9a-f]{32}$")]
    [InlineData("RAND32", "^[A-Za-z0-9]{32}$")]
    [InlineData("RAND48", "^[A-Za-z0-9_-]{48}$")]
    [InlineData("DISCORD", @"^[A-Za-z0-9+/]+\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{38}$")]
    [InlineData("BASIC", "^[A-Za-z0-9+/]+=*$")]
    public void Placeholders_become_deterministic_values_of_the_vendor_shape(string kind, string shape)
    {
        var value = FakeTokens.Expand($"$${kind}$$", "case.cs");

        Assert.Matches(shape, value);
        Assert.Equal(value, FakeTokens.Expand($"$${kind}$$", "case.cs"));
        Assert.NotEqual(value, FakeTokens.Expand($"$${kind}:1$$", "case.cs"));
        Assert.DoesNotMatch("(?i)fake|example|sample|dummy|placeholder|changeme|here|xxx", value);
    }

    [Fact]
    public void Every_kind_is_covered_by_a_shape_test()
    {
        var tested = typeof(HeldOutHarnessTests).GetMethod(nameof(Placeholders_become_deterministic_values_of_the_vendor_shape))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0])
            .ToHashSet();
        Assert.Equal(FakeTokens.Kinds.Keys.OrderBy(k => k), tested.OrderBy(k => k));
    }

    [Fact]
    public void Unknown_placeholder_is_an_error()
        => Assert.Throws<InvalidOperationException>(() => FakeTokens.Expand("\"$$NOPE$$\"", "case.cs"));

    /// <summary>Secret-scanning guard: tokens in case files are placeholders, never literal token-shaped text.</summary>
    [Fact]
    public void No_case_file_holds_a_literal_token()
    {
        var literal = new Regex(
            @"eyJ[A-Za-z0-9_-]{10,}\.|(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20,}|xox[bpare]-[0-9A-Za-z-]{16,}|sk-[A-Za-z0-9]{32,}|npm_[A-Za-z0-9]{36,}|squ_[0-9a-f]{40}|perm:[A-Za-z0-9]");
        var root = Path.Combine(AppContext.BaseDirectory, "HeldOut");
        var offenders = HeldOutCases.Sets
            .SelectMany(set => Directory.EnumerateFiles(HeldOutCases.DirectoryOf(set), "*.cs", SearchOption.AllDirectories))
            .SelectMany(path => File.ReadAllLines(path).Select((line, i) => (path, line, i)))
            .Where(x => literal.Match(x.line) is { Success: true } m && !Regex.IsMatch(m.Value, "(?i)x{6,}"))
            .Select(x => $"{Path.GetRelativePath(root, x.path)}:{x.i + 1}")
            .ToList();
        Assert.Empty(offenders);
    }
}
