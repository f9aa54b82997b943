using static TokenPolicy.Analyzers.Tests.Evaluation.EvaluatorHarness;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>
/// Fields and properties declared in source: initializer plus every assignment inside the declaring type;
/// "…" (unknown) joins the set when code outside the type can also write the member.
/// </summary>
public class MemberTests
{
    private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    [Fact]
    public void Static_readonly_field() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            static readonly string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|TokenPath|];
        }
        """));

    [Fact]
    public void Static_readonly_field_of_another_class_in_another_file() => Assert.Equal(new[] { Token }, Evaluate(
        """
        class C { string M() => [|Well.Known.Paths.TokenPath|]; }
        """,
        """
        namespace Well.Known;
        public static class Paths
        {
            private static readonly string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            public static readonly string TokenPath = System.IO.Path.Combine(Dir, "token");
        }
        """));

    [Fact]
    public void Private_mutable_static_field_unions_every_assignment_in_the_type() => Assert.Equal(new[] { "/a", Token }, Evaluate("""
        class C
        {
            private static string s_path = "/a";
            static void Configure() => s_path = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|s_path|];
        }
        """));

    [Fact]
    public void Public_mutable_field_may_be_written_from_outside() => Assert.Equal(new[] { Token, "…" }, Evaluate("""
        public class C
        {
            public string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|TokenPath|];
        }
        """));

    [Fact]
    public void Instance_readonly_field_assigned_in_constructors() => Assert.Equal(new[] { Token, "/b" }, Evaluate("""
        class C
        {
            private readonly string _path;
            public C() { _path = "/var/run/secrets/kubernetes.io/serviceaccount/token"; }
            public C(int _) { this._path = "/b"; }
            string M() => [|_path|];
        }
        """));

    [Fact]
    public void Field_without_any_write_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C
        {
            private string? _path;
            string? M() => [|_path|];
        }
        """));

    [Fact]
    public void Field_written_through_out_argument_includes_unknown() => Assert.Equal(new[] { "/a", "…" }, Evaluate("""
        class C
        {
            private string? _path = "/a";
            void Load(System.Collections.Generic.Dictionary<string, string> d) => d.TryGetValue("k", out _path);
            string? M() => [|_path|];
        }
        """));

    [Fact]
    public void Assignment_to_the_same_field_of_another_instance_is_not_a_write_of_this_one_but_makes_it_unknown_when_public() => Assert.Equal(new[] { "/a", "…" }, Evaluate("""
        public class C
        {
            public string Path = "/a";
            static void Copy(C other) => other.Path = "/b";
            string M() => [|Path|];
        }
        """));

    [Fact]
    public void Auto_property_initializer_get_only() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            public string TokenPath { get; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|TokenPath|];
        }
        """));

    [Fact]
    public void Auto_property_with_private_setter_assigned_in_a_method() => Assert.Equal(new[] { "/a", Token }, Evaluate("""
        public class C
        {
            public string TokenPath { get; private set; } = "/a";
            public void UseServiceAccount() => TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|TokenPath|];
        }
        """));

    [Fact]
    public void Options_class_property_default_is_a_path() => Assert.Equal(new[] { Token, "…" }, Evaluate(
        """
        class Client
        {
            private readonly TokenOptions _options = new();
            string M() => [|_options.TokenFile|];
        }
        """,
        """
        public sealed class TokenOptions
        {
            public string TokenFile { get; set; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";
        }
        """));

    [Fact]
    public void Init_only_property_default() => Assert.Equal(new[] { Token, "…" }, Evaluate("""
        public sealed record TokenOptions
        {
            public string TokenFile { get; init; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|TokenFile|];
        }
        """));

    [Fact]
    public void Static_auto_property() => Assert.Equal(new[] { Token }, Evaluate("""
        static class Paths
        {
            public static string TokenPath { get; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            static string M() => [|Paths.TokenPath|];
        }
        """));

    [Fact]
    public void Expression_bodied_property() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            string TokenPath => Dir + "/token";
            string M() => [|TokenPath|];
        }
        """));

    [Fact]
    public void Property_with_getter_body_returns_union() => Assert.Equal(new[] { Token, "/b" }, Evaluate("""
        class C
        {
            bool _flag;
            string TokenPath
            {
                get
                {
                    if (_flag) return "/var/run/secrets/kubernetes.io/serviceaccount/token";
                    return "/b";
                }
            }
            string M() => [|TokenPath|];
        }
        """));

    [Fact]
    public void Virtual_property_may_be_overridden() => Assert.Equal(new[] { Token, "…" }, Evaluate("""
        public class C
        {
            protected virtual string TokenPath => "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|TokenPath|];
        }
        """));

    [Fact]
    public void Interface_property_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        interface IPaths { string TokenPath { get; } }
        class C
        {
            string M(IPaths p) => [|p.TokenPath|];
        }
        """));

    [Fact]
    public void Members_of_a_nested_type_see_constructor_assignments() => Assert.Equal(new[] { Token }, Evaluate("""
        class Outer
        {
            private sealed class Reader
            {
                private readonly string _path;
                public Reader() { _path = "/var/run/secrets/kubernetes.io/serviceaccount/token"; }
                public string M() => [|_path|];
            }
        }
        """));

    [Fact]
    public void Static_field_assigned_from_a_nested_type() => Assert.Equal(new[] { "/a", Token }, Evaluate("""
        class Outer
        {
            private static string s_path = "/a";
            private static class Init { public static void Run() => s_path = "/var/run/secrets/kubernetes.io/serviceaccount/token"; }
            string M() => [|s_path|];
        }
        """));

    [Fact]
    public void Partial_class_members_across_files() => Assert.Equal(new[] { Token }, Evaluate(
        """
        partial class C
        {
            string M() => [|_path|];
        }
        """,
        """
        partial class C
        {
            private readonly string _path;
            public C() { _path = Dir + "/token"; }
        }
        """,
        """
        partial class C { private const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount"; }
        """));

    [Fact]
    public void Field_initialized_from_primary_constructor_parameter_is_unknown() => Assert.Equal(new[] { "…/token" }, Evaluate("""
        class C(string dir)
        {
            private readonly string _path = dir + "/token";
            string M() => [|_path|];
        }
        """));

    [Fact]
    public void Generic_type_member() => Assert.Equal(new[] { Token }, Evaluate("""
        class Holder<T>
        {
            public static readonly string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
        }
        class C { string M() => [|Holder<int>.TokenPath|]; }
        """));

    [Fact]
    public void Framework_property_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C { string M() => [|System.Environment.CurrentDirectory|]; }
        """));

    [Fact]
    public void File_info_field_stands_for_its_path() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.IO;
        class C
        {
            private readonly FileInfo _file = new FileInfo("/var/run/secrets/kubernetes.io/serviceaccount/token");
            FileInfo M() => [|_file|];
        }
        """));

    [Fact]
    public void Char_field_separator() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            private static readonly char Sep = '/';
            private const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            string M() => [|Dir + Sep + "token"|];
        }
        """));
}
