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
