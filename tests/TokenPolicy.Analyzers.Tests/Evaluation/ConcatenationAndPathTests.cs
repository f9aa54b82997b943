using static TokenPolicy.Analyzers.Tests.Evaluation.EvaluatorHarness;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>Concatenation, interpolation, <c>string.Concat</c>, <c>Path.Combine</c>/<c>Path.Join</c>, separators, environment variables.</summary>
public class ConcatenationAndPathTests
{
    private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private static string[] Expr(string expression, string parameters = "") => Evaluate($$"""
        using System;
        using System.IO;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            static readonly string Root = "/var/run/secrets";
            string M({{parameters}}) => [|{{expression}}|];
        }
        """);

    [Fact]
    public void Concatenation_of_non_constant_parts() => Assert.Equal(new[] { Token }, Expr("""Root + "/kubernetes.io/serviceaccount" + "/" + "token" """));

    [Fact]
    public void Concatenation_with_unknown_part() => Assert.Equal(new[] { "/var/run/secrets/…/token" }, Expr("""Root + "/" + name + "/token" """, "string name"));

    [Fact]
    public void Concatenation_with_char() => Assert.Equal(new[] { Token }, Expr("""Dir + '/' + "token" """));

    [Fact]
    public void Concatenation_with_null_is_empty() => Assert.Equal(new[] { "/var/run/secrets" }, Expr("""Root + (string?)null"""));

    [Fact]
    public void Concatenation_of_sets_is_pairwise() => Assert.Equal(new[] { "/a/x", "/a/y", "/b/x", "/b/y" }, Expr("""(f ? "/a" : "/b") + (g ? "/x" : "/y")""", "bool f, bool g"));

    [Fact]
    public void Interpolation() => Assert.Equal(new[] { Token }, Expr("""$"{Root}/kubernetes.io/{"serviceaccount"}/token" """));

    [Fact]
    public void Raw_interpolation() => Assert.Equal(new[] { Token }, Expr(""""$"""{Root}/kubernetes.io/serviceaccount/token""" """"));

    [Fact]
    public void Interpolation_with_unknown_hole() => Assert.Equal(new[] { "/var/run/secrets/…/token" }, Expr("""$"{Root}/{name}/token" """, "string name"));

    [Fact]
    public void Interpolation_with_format_or_alignment_is_unknown_there() => Assert.Equal(new[] { "/x/…/…" }, Expr("""$"/x/{n:D3}/{name,10}" """, "int n, string name"));

    [Fact]
    public void Interpolation_of_separator_char() => Assert.Equal(new[] { Token }, Expr("""$"{Dir}{Path.DirectorySeparatorChar}token" """));

    [Fact]
    public void String_concat_two_arguments() => Assert.Equal(new[] { Token }, Expr("""string.Concat(Root, "/kubernetes.io/serviceaccount/token")"""));

    [Fact]
    public void String_concat_params_form() => Assert.Equal(new[] { Token }, Expr("""string.Concat(Root, "/", "kubernetes.io/serviceaccount", "/", "token")"""));

    [Fact]
    public void String_concat_explicit_array() => Assert.Equal(new[] { Token }, Expr("""string.Concat(new[] { Root, "/kubernetes.io", "/serviceaccount", "/token" })"""));

    [Fact]
    public void String_concat_of_an_array_variable_is_unknown() => Assert.Equal(new[] { "…" }, Expr("""string.Concat(parts)""", "string[] parts"));

    [Fact]
    public void String_concat_of_objects() => Assert.Equal(new[] { "/a1" }, Expr("""string.Concat((object)"/a", (object)1)"""));

    [Fact]
    public void Path_combine_two() => Assert.Equal(new[] { Token }, Expr("""Path.Combine(Dir, "token")"""));

    [Fact]
    public void Path_combine_keeps_existing_separator() => Assert.Equal(new[] { Token }, Expr("""Path.Combine(Dir + "/", "token")"""));

    [Fact]
    public void Path_combine_four() => Assert.Equal(new[] { Token }, Expr("""Path.Combine(Root, "kubernetes.io", "serviceaccount", "token")"""));

    [Fact]
    public void Path_combine_params_form() => Assert.Equal(new[] { Token }, Expr("""Path.Combine("/var", "run", "secrets", "kubernetes.io", "serviceaccount", "token")"""));

    [Fact]
    public void Path_combine_explicit_array() => Assert.Equal(new[] { Token }, Expr("""Path.Combine(new[] { "/var/run", "secrets", "kubernetes.io/serviceaccount", "token" })"""));

    [Fact]
    public void Path_combine_explicit_typed_array() => Assert.Equal(new[] { Token }, Expr("""Path.Combine(new string[] { Root, "kubernetes.io", "serviceaccount", "token" })"""));

    [Fact]
    public void Path_combine_collection_expression() => Assert.Equal(new[] { Token }, Expr("""Path.Combine([Root, "kubernetes.io", "serviceaccount", "token"])"""));

    [Fact]
    public void Path_combine_collection_expression_with_spread_is_unknown() => Assert.Equal(new[] { "…" }, Expr("""Path.Combine([Root, .. parts])""", "string[] parts"));

    [Fact]
    public void Path_combine_array_without_initializer_is_unknown() => Assert.Equal(new[] { "…" }, Expr("""Path.Combine(new string[4])"""));

    [Fact]
    public void Path_combine_rooted_later_part_wins() => Assert.Equal(new[] { Token }, Expr("""Path.Combine("/tmp", Dir, "token")"""));

    [Fact]
    public void Path_combine_windows_rooted_later_part_wins() => Assert.Equal(new[] { @"C:\var\run\secrets\kubernetes.io\serviceaccount\token" }, Expr("""Path.Combine("/tmp", @"C:\var\run\secrets\kubernetes.io\serviceaccount\token")"""));

    [Fact]
    public void Path_combine_with_unknown_root() => Assert.Equal(new[] { "…/kubernetes.io/serviceaccount/token" }, Expr("""Path.Combine(root, "kubernetes.io/serviceaccount/token")""", "string root"));

    [Fact]
    public void Path_combine_with_unknown_tail_is_unknown() => Assert.Equal(new[] { "…" }, Expr("""Path.Combine(Root, name)""", "string name"));

    [Fact]
    public void Path_combine_named_arguments() => Assert.Equal(new[] { Token }, Expr("""Path.Combine(path2: "token", path1: Dir)"""));

    [Fact]
    public void Path_join_two() => Assert.Equal(new[] { Token }, Expr("""Path.Join(Dir, "token")"""));

    [Fact]
    public void Path_join_does_not_treat_rooted_parts_specially() => Assert.Equal(new[] { "/tmp" + Token }, Expr("""Path.Join("/tmp", Dir, "token")"""));

    [Fact]
    public void Path_join_params_form() => Assert.Equal(new[] { Token }, Expr("""Path.Join("/var", "run", "secrets", "kubernetes.io", "serviceaccount", "token")"""));

    [Fact]
    public void Path_join_explicit_array() => Assert.Equal(new[] { Token }, Expr("""Path.Join(new[] { Root, "kubernetes.io", "serviceaccount", "token" })"""));

    [Fact]
    public void Path_join_collection_expression() => Assert.Equal(new[] { Token }, Expr("""Path.Join([Root, "kubernetes.io", "serviceaccount", "token"])"""));

    [Fact]
    public void Path_join_with_unknown_middle() => Assert.Equal(new[] { "/var/run/secrets/…/token" }, Expr("""Path.Join(Root, name, "token")""", "string name"));

    [Fact]
    public void Directory_separator_char() => Assert.Equal(new[] { Token }, Expr("""Dir + Path.DirectorySeparatorChar + "token" """));

    [Fact]
    public void Alt_directory_separator_char() => Assert.Equal(new[] { Token }, Expr("""Dir + Path.AltDirectorySeparatorChar.ToString() + "token" """));

    [Fact]
    public void Alt_directory_separator_char_in_concat() => Assert.Equal(new[] { Token }, Expr("""string.Concat(Dir, Path.AltDirectorySeparatorChar, "token")"""));

    [Fact]
    public void Environment_variable_is_symbolic() => Assert.Equal(new[] { "$AZURE_FEDERATED_TOKEN_FILE" }, Expr("""Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE")"""));

    [Fact]
    public void Environment_variable_named_by_a_constant() => Assert.Equal(new[] { "$AWS_WEB_IDENTITY_TOKEN_FILE" }, Evaluate("""
        using System;
        class C
        {
            const string Name = "AWS_WEB_IDENTITY_TOKEN_FILE";
            string? M() => [|Environment.GetEnvironmentVariable(Name)|];
        }
        """));

    [Fact]
    public void Environment_variable_named_by_a_readonly_field() => Assert.Equal(new[] { "$AWS_WEB_IDENTITY_TOKEN_FILE" }, Evaluate("""
        using System;
        class C
        {
            static readonly string Name = "AWS_WEB_IDENTITY_TOKEN_FILE";
            string? M() => [|Environment.GetEnvironmentVariable(Name)|];
        }
        """));

    [Fact]
    public void Environment_variable_with_target() => Assert.Equal(new[] { "$HOME" }, Expr("""Environment.GetEnvironmentVariable("HOME", EnvironmentVariableTarget.Process)"""));

    [Fact]
    public void Environment_variable_with_unknown_name_is_unknown() => Assert.Equal(new[] { "…" }, Expr("""Environment.GetEnvironmentVariable(name)""", "string name"));

    [Fact]
    public void Environment_variable_in_a_path() => Assert.Equal(new[] { "$HOME/.kube/token" }, Expr("""Path.Combine(Environment.GetEnvironmentVariable("HOME")!, ".kube", "token")"""));

    [Fact]
    public void Environment_variable_stays_symbolic_through_a_local() => Assert.Equal(new[] { "$AWS_WEB_IDENTITY_TOKEN_FILE" }, Evaluate("""
        using System;
        class C
        {
            string? M()
            {
                var file = Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE");
                return [|file|];
            }
        }
        """));

    [Fact]
    public void File_info_creation_stands_for_its_path() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.IO;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            FileInfo M() => [|new FileInfo(Path.Combine(Dir, "token"))|];
        }
        """));

    [Fact]
    public void File_info_local() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.IO;
        class C
        {
            FileInfo M()
            {
                var info = new FileInfo("/var/run/secrets/kubernetes.io/serviceaccount/token");
                return [|info|];
            }
        }
        """));
}
