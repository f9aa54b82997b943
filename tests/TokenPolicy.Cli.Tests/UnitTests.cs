using Microsoft.CodeAnalysis.Text;
using TokenPolicy.Cli.Analysis;
using TokenPolicy.Cli.Loading;

namespace TokenPolicy.Cli.Tests;

/// <summary>Small pieces: fingerprints, binary detection, editorconfig root, rule discovery.</summary>
public sealed class UnitTests
{
    [Fact]
    public void Fingerprint_ignores_whitespace_but_not_code_path_rule_or_occurrence()
    {
        var a = Findings.ComputeFingerprint("TP0001", "src/A.cs", Findings.NormalizeCode("  var t =   File.ReadAllText(p);\t"), 0);
        var b = Findings.ComputeFingerprint("TP0001", "src/A.cs", Findings.NormalizeCode("var t = File.ReadAllText(p);"), 0);

        Assert.Equal(a, b);
        Assert.NotEqual(a, Findings.ComputeFingerprint("TP0001", "src/A.cs", "var u = File.ReadAllText(p);", 0));
        Assert.NotEqual(a, Findings.ComputeFingerprint("TP0001", "src/B.cs", "var t = File.ReadAllText(p);", 0));
        Assert.NotEqual(a, Findings.ComputeFingerprint("TP0002", "src/A.cs", "var t = File.ReadAllText(p);", 0));
        Assert.NotEqual(a, Findings.ComputeFingerprint("TP0001", "src/A.cs", "var t = File.ReadAllText(p);", 1));
    }

    [Fact]
    public void Normalised_code_spans_the_flagged_lines()
    {
        var text = SourceText.From("a\n  b(\n    c)\nd\n");

        Assert.Equal("b( c)", Findings.NormalizeCode(text, 1, 2));
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 }, true)]
    [InlineData(new byte[] { 0x41, 0x42 }, false)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, false)] // UTF-16 with a byte-order mark is text
    public void Binary_content_is_recognised(byte[] bytes, bool binary) => Assert.Equal(binary, LooseFileLoader.LooksBinary(bytes));

    [Theory]
    [InlineData("root = true\n[*.cs]\n", true)]
    [InlineData("# comment\nROOT=TRUE # trailing\n", true)]
    [InlineData("[*.cs]\nroot = true\n", false)]
    [InlineData("root = false\n", false)]
    public void Editorconfig_root_is_read_from_the_preamble(string text, bool root) => Assert.Equal(root, LooseFileLoader.IsRoot(text));

    [Fact]
    public void Rules_and_fixers_are_discovered_by_reflection()
    {
        var catalog = RuleCatalog.Load(Cli.WithTestFixers);

        var ids = catalog.Descriptors.Select(d => d.Id).ToList();
        Assert.Contains("TP0001", ids);
        Assert.Contains("TP0002", ids);
        Assert.Contains("TP0003", ids);
        Assert.Contains("TP0004", ids);
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
        Assert.Contains(catalog.Fixers, f => f is TestSanctionedPathFixer);
        Assert.Contains(catalog.Fixers, f => f is TestEnvironmentTokenFixer);
        var bundled = RuleCatalog.Load(null); // TokenPolicy.Analyzers and TokenPolicy.CodeFixes, as shipped
        Assert.Equal(ids, bundled.Descriptors.Select(d => d.Id));
        Assert.Contains(bundled.Fixers, f => f.FixableDiagnosticIds.Contains("TP0001"));
        Assert.Contains(bundled.Fixers, f => f.FixableDiagnosticIds.Contains("TP0002"));
        Assert.Contains(bundled.Fixers, f => f.FixableDiagnosticIds.Contains("TP0004"));
    }
}
