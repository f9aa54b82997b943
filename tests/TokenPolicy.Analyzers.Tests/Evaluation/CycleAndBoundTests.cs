using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using TokenPolicy.Analyzers.Core;
using TokenPolicy.Analyzers.Evaluation;
using static TokenPolicy.Analyzers.Tests.Evaluation.EvaluatorHarness;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>Cycles terminate, sets and depth are bounded, results are cached per compilation and independent of order.</summary>
public class CycleAndBoundTests
{
    private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    [Fact]
    public void Self_referential_static_field_terminates() => Assert.Equal(new[] { "…/token" }, Evaluate("""
        class C
        {
            static readonly string s_path = s_path + "/token";
            string M() => [|s_path|];
        }
        """));

    [Fact]
    public void Self_referential_field_reassigned_in_constructor() => Assert.Equal(new[] { "/a", "…/x" }, Evaluate("""
        class C
        {
            private readonly string _path = "/a";
            public C(bool more) { if (more) _path = _path + "/x"; }
            string M() => [|_path|];
        }
        """));

    [Fact]
    public void Mutually_recursive_fields_terminate() => Assert.Equal(new[] { "…/b/a" }, Evaluate("""
        class C
        {
            static readonly string A = B + "/a";
            static readonly string B = A + "/b";
            string M() => [|A|];
        }
        """));

    [Fact]
    public void Mutually_recursive_properties_terminate() => Assert.Equal(new[] { "…/q/p" }, Evaluate("""
        class C
        {
            string P => Q + "/p";
            string Q => P + "/q";
            string M() => [|P|];
        }
        """));

    [Fact]
    public void Mutually_recursive_members_give_the_same_answer_in_either_order()
    {
        var source = """
            class C
            {
                static readonly string A = B + "/a";
                static readonly string B = A + "/b";
                string M() => A + B;
                string N() => [|B|];
            }
            """;
        var (compilation, operation) = Compile(source);
        var evaluator = CompilationState.Get(compilation).Evaluator;
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var aThenB = model.GetOperation(tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax>().Last())!;

        // Evaluate A + B first (which caches whatever it can), then B alone: B must still be B.
        _ = evaluator.Evaluate(aThenB, CancellationToken.None);
        Assert.Equal("{…/a/b}", evaluator.Evaluate(operation, CancellationToken.None).ToString());
    }

    [Fact]
    public void Recursive_property_and_field() => Assert.Equal(new[] { "/x", "…" }, Evaluate("""
        class C
        {
            private string? _p;
            string P => _p ?? P;
            string M() { _p = "/x"; return [|P|]; }
        }
        """));

    [Fact]
    public void Value_cut_short_by_the_depth_bound_is_not_cached()
    {
        // S6 = "/r/1/2/3/4/5/6" through a chain of six fields; D10 reaches S6 through ten more fields,
        // so the walk that starts at D10 runs out of depth inside the S chain.
        var builder = new StringBuilder("class C\n{\n    static readonly string S0 = \"/r\";\n");
        for (var i = 1; i <= 6; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"    static readonly string S{i} = S{i - 1} + \"/{i}\";\n");
        }

        builder.Append("    static readonly string D0 = S6;\n");
        for (var i = 1; i <= 10; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"    static readonly string D{i} = D{i - 1} + \"/d{i}\";\n");
        }

        builder.Append("    string Deep() => D10;\n    string Shallow() => [|S6|];\n}\n");
        var (compilation, shallow) = Compile(builder.ToString());
        var evaluator = CompilationState.Get(compilation).Evaluator;
        var tree = compilation.SyntaxTrees.Single();
        var deepSyntax = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First().ExpressionBody!.Expression;
        var deep = compilation.GetSemanticModel(tree).GetOperation(deepSyntax)!;

        var deepValue = evaluator.Evaluate(deep, CancellationToken.None).ToString();
        Assert.StartsWith("{…", deepValue);
        Assert.EndsWith("/d9/d10}", deepValue);

        // S6 was reached near the depth bound during the first walk; that truncated value must not be cached.
        Assert.Equal("{/r/1/2/3/4/5/6}", evaluator.Evaluate(shallow, CancellationToken.None).ToString());
    }

    [Fact]
    public void Set_larger_than_the_bound_becomes_unknown()
    {
        var arms = string.Join(", ", Enumerable.Range(0, ValueSet.MaxSize + 1).Select(i => $"{i} => \"/p{i}\""));
        Assert.Equal(new[] { "…" }, Evaluate($$"""
            class C { string M(int i) => [|i switch { {{arms}}, _ => "/other" }|]; }
            """));
    }

    [Fact]
    public void Set_at_the_bound_is_kept()
    {
        var arms = string.Join(", ", Enumerable.Range(0, ValueSet.MaxSize - 1).Select(i => $"{i} => \"/p{i}\""));
        Assert.Equal(ValueSet.MaxSize, Evaluate($$"""
            class C { string M(int i) => [|i switch { {{arms}}, _ => "/other" }|]; }
            """).Length);
    }

    [Fact]
    public void Pairwise_product_larger_than_the_bound_becomes_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C
        {
            string M(int i, int j)
            {
                var a = i switch { 0 => "a", 1 => "b", 2 => "c", 3 => "d", 4 => "e", 5 => "f", _ => "g" };
                var b = j switch { 0 => "1", 1 => "2", 2 => "3", 3 => "4", _ => "5" };
                return [|a + b|];
            }
        }
        """));

    [Fact]
    public void Long_left_nested_concatenation_keeps_its_known_tail()
    {
        // The 10,000-term version runs through both analyzers in RobustnessTests; here the shape of the answer.
        var terms = string.Join(" + ", Enumerable.Range(0, 1_000).Select(i => i % 2 == 0 ? "p" : $"\"/{i}\""));
        var values = Evaluate($$"""
            class C { string M(string p) => [|{{terms}}|]; }
            """);
        var value = Assert.Single(values);
        Assert.StartsWith("…", value);
        Assert.EndsWith("…/997…/999", value);
    }

    [Fact]
    public void Deeply_nested_conditional_is_bounded()
    {
        var expression = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            expression.Append(CultureInfo.InvariantCulture, $"i == {i} ? \"/p{i}\" : ");
        }

        expression.Append("\"/last\"");
        var values = Evaluate($$"""
            class C { string M(int i) => [|{{expression}}|]; }
            """);
        Assert.Contains("/p0", values);
        Assert.Contains("…", values);
        Assert.DoesNotContain("/last", values);
        Assert.True(values.Length <= ValueSet.MaxSize);
    }

    [Fact]
    public void Evaluator_is_cached_per_compilation()
    {
        var (compilation, _) = Compile("class C { string M() => [|\"x\"|]; }");
        Assert.Same(CompilationState.Get(compilation).Evaluator, CompilationState.Get(compilation).Evaluator);
        Assert.NotSame(CompilationState.Get(compilation).Evaluator, CompilationState.Get(compilation.WithAssemblyName("Other")).Evaluator);
    }

    [Fact]
    public void Null_operation_is_unknown()
    {
        var (compilation, _) = Compile("class C { string M() => [|\"x\"|]; }");
        Assert.True(CompilationState.Get(compilation).Evaluator.Evaluate(null, CancellationToken.None).IsUnknown);
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        var (compilation, operation) = Compile("""
            class C
            {
                static readonly string A = B + "/a";
                static readonly string B = A + "/b";
                string M(string p) => [|A + p + B + p + A + p + B|];
            }
            """);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CompilationState.Get(compilation).Evaluator.Evaluate(operation, cancelled.Token));
    }

    [Fact]
    public void Public_surface_for_other_rules()
    {
        var set = EvaluateSet("""
            class C { string M(string p) => [|"Bearer " + p|]; }
            """);
        var value = Assert.Single(set.Values);
        Assert.False(value.IsConstant);
        Assert.Null(value.ConstantText);
        Assert.Equal(new[] { SegmentKind.Literal, SegmentKind.Unknown }, value.Segments.Select(s => s.Kind));
        Assert.Equal("Bearer ", value.Segments[0].Text);

        var constant = Assert.Single(EvaluateSet("""
            class C { static readonly string T = "abc"; string M() => [|"Bearer " + T|]; }
            """).Values);
        Assert.True(constant.IsConstant);
        Assert.Equal("Bearer abc", constant.ConstantText);
    }
}
