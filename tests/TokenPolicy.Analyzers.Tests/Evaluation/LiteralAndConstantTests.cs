using static TokenPolicy.Analyzers.Tests.Evaluation.EvaluatorHarness;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>Literals and compile-time constants: the compiler has already folded them.</summary>
public class LiteralAndConstantTests
{
    private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    [Fact]
    public void Regular_literal() => Assert.Equal(new[] { Token }, Evaluate("""
        class C { string M() => [|"/var/run/secrets/kubernetes.io/serviceaccount/token"|]; }
        """));

    [Fact]
    public void Regular_literal_with_escapes() => Assert.Equal(new[] { @"C:\var\run\token" }, Evaluate("""
        class C { string M() => [|"C:\\var\\run\\token"|]; }
        """));

    [Fact]
    public void Verbatim_literal() => Assert.Equal(new[] { @"C:\var\run\secrets" }, Evaluate("""
        class C { string M() => [|@"C:\var\run\secrets"|]; }
        """));

    [Fact]
    public void Raw_literal() => Assert.Equal(new[] { Token }, Evaluate(""""
        class C { string M() => [|"""/var/run/secrets/kubernetes.io/serviceaccount/token"""|]; }
        """"));

    [Fact]
    public void Multi_line_raw_literal() => Assert.Equal(new[] { "/var/run\n/token" }, Evaluate(""""
        class C
        {
            string M() => [|"""
                /var/run
                /token
                """|];
        }
        """".Replace("\r\n", "\n")));

    [Fact]
    public void Utf8_suffix_is_not_a_string() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C { System.ReadOnlySpan<byte> M() => [|"abc"u8|]; }
        """));

    [Fact]
    public void Null_literal_is_the_empty_set() => Assert.Empty(Evaluate("""
        class C { string? M() => [|null|]; }
        """));

    [Fact]
    public void Const_local() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            string M()
            {
                const string path = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Const_locals_concatenated() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            string M()
            {
                const string dir = "/var/run/secrets/kubernetes.io/serviceaccount";
                const string file = dir + "/token";
                return [|file|];
            }
        }
        """));

    [Fact]
    public void Const_field_of_another_class_in_another_file() => Assert.Equal(new[] { Token }, Evaluate(
        """
        namespace App;
        class C { string M() => [|Paths.Token|]; }
        """,
        """
        namespace App;
        static class Paths
        {
            public const string Dir = Roots.Secrets + "/kubernetes.io/serviceaccount";
            public const string Token = Dir + "/token";
        }
        """,
        """
        namespace App;
        static class Roots { internal const string Secrets = "/var/run/secrets"; }
        """));

    [Fact]
    public void Const_interpolated_string() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            const string Path = $"{Dir}/token";
            string M() => [|Path|];
        }
        """));

    [Fact]
    public void Nameof_is_its_text() => Assert.Equal(new[] { "token" }, Evaluate("""
        class C { int token; string M() => [|nameof(token)|]; }
        """));

    [Fact]
    public void String_empty_is_empty_text() => Assert.Equal(new[] { "" }, Evaluate("""
        class C { string M() => [|string.Empty|]; }
        """));

    [Fact]
    public void Integer_and_char_and_bool_are_formatted_like_string_concatenation() => Assert.Equal(new[] { "a1-xTrue" }, Evaluate("""
        class C { string M(int unused) => [|"a" + 1 + "-" + 'x' + true|]; }
        """));

    [Fact]
    public void Enum_member_is_not_its_number() => Assert.Equal(new[] { "mode=…" }, Evaluate("""
        class C { string M() => [|"mode=" + System.IO.FileMode.Open|]; }
        """));

    [Fact]
    public void Floating_point_depends_on_culture_so_stays_unknown() => Assert.Equal(new[] { "v…" }, Evaluate("""
        class C { string M() => [|"v" + 1.5|]; }
        """));
}
