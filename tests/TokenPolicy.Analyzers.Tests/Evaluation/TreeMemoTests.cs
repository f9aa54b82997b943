using Microsoft.CodeAnalysis.CSharp;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>A tree's memo: every key keeps the first value computed for it, however many keys a tree collects.</summary>
public class TreeMemoTests
{
    [Fact]
    public void Each_key_keeps_its_first_value_past_the_listed_keys()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        var keys = Enumerable.Range(0, 60).Select(i => "key:" + i).ToArray();
        foreach (var key in keys)
        {
            Assert.False(TreeMemo.Contains(tree, key));
            Assert.Equal(key + "=first", TreeMemo.Get(tree, key, () => key + "=first"));
        }

        foreach (var key in keys)
        {
            // An equal key built anew finds the kept value; the second computation's value is not taken.
            var again = string.Concat("key:", key.AsSpan(4));
            Assert.True(TreeMemo.Contains(tree, again));
            Assert.Equal(key + "=first", TreeMemo.Get(tree, again, () => key + "=second"));
        }

        Assert.False(TreeMemo.Contains(CSharpSyntaxTree.ParseText("class C { }"), keys[0]), "another tree has its own memo");
    }

    [Fact]
    public void Threads_that_compute_the_same_key_at_once_all_get_one_value()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        var results = new object[8][];
        Parallel.For(0, results.Length, t =>
        {
            results[t] = Enumerable.Range(0, 40).Select(i => TreeMemo.Get(tree, "k" + i, () => new object())).ToArray();
        });

        for (var i = 0; i < 40; i++)
        {
            Assert.All(results, r => Assert.Same(results[0][i], r[i]));
        }
    }
}

/// <summary>A tree's text as one string: the same characters whatever kind of text the compiler holds.</summary>
public class TreeTextTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8 * 1024 + 1)]
    [InlineData(4096 * 3)]
    [InlineData(4096 * 25 + 17)]
    public void A_text_read_from_a_stream_is_copied_whole(int length)
    {
        // Characters outside ASCII and surrogate pairs, so a chunk boundary may fall inside a pair; more than about
        // 40,000 characters makes the compiler's chunked text.
        var unit = "var s = \"ä€\U0001F600\";\r\n";
        // Whole units only (a cut pair would not survive UTF-8): at least `length` characters.
        var content = length == 0 ? string.Empty : string.Concat(Enumerable.Repeat(unit, (length + unit.Length - 1) / unit.Length));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(stream, System.Text.Encoding.UTF8);
        Assert.Equal(content, text.ToString());

        Assert.Equal(content, TreeText.AsString(text, CancellationToken.None));
        Assert.Equal(content, TreeText.CopyOf(text, CancellationToken.None));
    }

    [Fact]
    public void A_string_text_gives_its_own_string()
    {
        var content = new string('x', 50_000);
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(content);
        Assert.Same(content, TreeText.AsString(text, CancellationToken.None));
    }

    [Fact]
    public void A_tree_parsed_from_a_stream_keeps_one_copy_equal_to_its_text()
    {
        var content = "class C { string s = \"" + new string('a', 60_000) + "\"; }";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        var tree = CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(stream, System.Text.Encoding.UTF8));
        var first = TreeText.Get(tree, CancellationToken.None);
        Assert.Equal(content, first);
        Assert.Same(first, TreeText.Get(tree, CancellationToken.None));
    }
}
