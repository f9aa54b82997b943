using static TokenPolicy.Analyzers.Tests.Evaluation.EvaluatorHarness;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>
/// The value shapes of ordinary code (issue 12): string operations, composite formatting, joins, builders, collections
/// of fallback candidates, tuples, pattern variables, methods of the compilation and inherited members.
/// </summary>
public class ShapeTests
{
    private const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
    private const string Token = Dir + "/token";

    [Theory]
    [InlineData("\"  /var/run/secrets/kubernetes.io/serviceaccount/token \\n\".Trim()")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/token/\".TrimEnd('/')")]
    [InlineData("\"//var/run/secrets/kubernetes.io/serviceaccount/token\".TrimStart('/').Insert(0, \"/\")", Skip = "Insert is not followed")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/token;\".TrimEnd(';', ' ')")]
    [InlineData("\"\\\\var\\\\run\\\\secrets\\\\kubernetes.io\\\\serviceaccount\\\\token\".Replace('\\\\', '/')")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/TOKEN\".Replace(\"TOKEN\", \"token\")")]
    [InlineData("\"/VAR/RUN/SECRETS/KUBERNETES.IO/SERVICEACCOUNT/TOKEN\".ToLowerInvariant()")]
    [InlineData("System.IO.Path.GetFullPath(\"/var/run/secrets/kubernetes.io/serviceaccount/../serviceaccount/./token\")")]
    [InlineData("System.IO.Path.GetFullPath(\"token\", \"/var/run/secrets/kubernetes.io/serviceaccount\")")]
    [InlineData("string.Format(\"{0}/{1}\", \"/var/run/secrets/kubernetes.io/serviceaccount\", \"token\")")]
    [InlineData("string.Format(null, \"{0}/token\", \"/var/run/secrets/kubernetes.io/serviceaccount\")")]
    [InlineData("string.Format(\"{0}{1}{2}{3}\", \"/var/run/secrets/\", \"kubernetes.io/\", \"serviceaccount/\", \"token\")")]
    [InlineData("string.Join(\"/\", \"\", \"var\", \"run\", \"secrets\", \"kubernetes.io\", \"serviceaccount\", \"token\")")]
    [InlineData("string.Join('/', new[] { \"/var/run/secrets/kubernetes.io/serviceaccount\", \"token\" })")]
    [InlineData("System.IO.Path.Combine(\"/var\", \"run\", \"secrets\", \"kubernetes.io\", \"serviceaccount\", \"token\")")]
    [InlineData("System.IO.Path.Combine(paths: new[] { \"/var/run/secrets/kubernetes.io/serviceaccount\", \"token\" })")]
    public void String_operations_keep_the_path(string expression) => Assert.Equal(new[] { Token }, Evaluate($$"""
        class C { string M() => [|{{expression}}|]; }
        """));

    [Theory]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/token\".Replace(\"token\", \"ca.crt\")", Dir + "/ca.crt")]
    [InlineData("string.Format(\"{0,5}/token\", \"x\")", "…/token")]
    [InlineData("string.Format(\"{1}/token\", \"x\")", "…/token")]
    [InlineData("System.IO.Path.GetFullPath(\"token\")", "…/token")]
    public void String_operations_that_change_the_value(string expression, string expected) => Assert.Equal(new[] { expected }, Evaluate($$"""
        class C { string M() => [|{{expression}}|]; }
        """));

    [Fact]
    public void Composite_format_through_constants_and_locals() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            const string Root = "/var/run/secrets/{0}/serviceaccount/{1}";
            string M()
            {
                var provider = "kubernetes.io";
                return [|string.Format(Root, provider, "token")|];
            }
        }
        """));

    [Fact]
    public void Join_of_a_local_array() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            string M()
            {
                var parts = new[] { "", "var", "run", "secrets", "kubernetes.io", "serviceaccount", "token" };
                return [|string.Join("/", parts)|];
            }
        }
        """));

    [Fact]
    public void String_builder_built_in_one_method() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.Text;
        class C
        {
            string M()
            {
                var builder = new StringBuilder("/var/run/secrets");
                builder.Append("/kubernetes.io").Append("/serviceaccount");
                builder.Append('/');
                builder.Append("token");
                return [|builder.ToString()|];
            }
        }
        """));

    [Fact]
    public void String_builder_conditional_append_is_optional() => Assert.Equal(new[] { Dir + "/", Token }, Evaluate("""
        using System.Text;
        class C
        {
            string M(bool token)
            {
                var builder = new StringBuilder().Append("/var/run/secrets/kubernetes.io/serviceaccount/");
                if (token) builder.Append("token");
                return [|builder.ToString()|];
            }
        }
        """));

    [Fact]
    public void String_builder_changed_by_insert_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        using System.Text;
        class C
        {
            string M()
            {
                var builder = new StringBuilder("/token");
                builder.Insert(0, "/var/run/secrets/kubernetes.io/serviceaccount");
                return [|builder.ToString()|];
            }
        }
        """));

    [Fact]
    public void Tuple_deconstruction() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.IO;
        class C
        {
            string M()
            {
                var (dir, name) = ("/var/run/secrets/kubernetes.io/serviceaccount", "token");
                return [|Path.Combine(dir, name)|];
            }
        }
        """));

    [Fact]
    public void Tuple_deconstruction_of_constants_in_an_async_method() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.IO;
        using System.Threading.Tasks;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            async Task<string> M()
            {
                var (dir, name) = (Dir, "token");
                await Task.CompletedTask;
                return [|Path.Combine(dir, name)|];
            }
        }
        """));

    [Fact]
    public void Tuple_returned_by_a_helper_and_named_elements() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.IO;
        class C
        {
            static (string Dir, string File) Location() => ("/var/run/secrets/kubernetes.io/serviceaccount", "token");
            string M()
            {
                var location = Location();
                return [|Path.Combine(location.Dir, location.Item2)|];
            }
        }
        """));

    [Fact]
    public void Foreach_over_fallback_candidates_is_every_element() => Assert.Equal(new[] { "/etc/runner/token", Token }, Evaluate("""
        using System.IO;
        class C
        {
            static readonly string[] Candidates = { "/etc/runner/token", "/var/run/secrets/kubernetes.io/serviceaccount/token" };
            string? M()
            {
                foreach (var candidate in Candidates)
                {
                    if (File.Exists(candidate)) return [|candidate|];
                }

                return null;
            }
        }
        """));

    [Theory]
    [InlineData("paths.First(File.Exists)")]
    [InlineData("paths.FirstOrDefault(p => File.Exists(p))")]
    [InlineData("paths.Where(File.Exists).First()")]
    [InlineData("paths[1]")]
    [InlineData("list[0]")]
    [InlineData("list.Find(File.Exists)")]
    public void Picking_from_a_collection_is_any_element(string pick) => Assert.Contains(Token, Evaluate($$"""
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        class C
        {
            string? M()
            {
                string[] paths = ["/etc/runner/token", "/var/run/secrets/kubernetes.io/serviceaccount/token"];
                var list = new List<string> { "/etc/other" };
                list.Add("/var/run/secrets/kubernetes.io/serviceaccount/token");
                return [|{{pick}}|];
            }
        }
        """));

    [Fact]
    public void Collection_from_an_iterator_of_the_compilation() => Assert.Equal(new[] { "/etc/runner/token", Token }, Evaluate("""
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        class C
        {
            static IEnumerable<string> Candidates()
            {
                yield return "/etc/runner/token";
                yield return "/var/run/secrets/kubernetes.io/serviceaccount/token";
            }

            string M() => [|Candidates().First(File.Exists)|];
        }
        """));

    [Fact]
    public void Header_pairs_from_a_helper_added_in_a_loop() => Assert.Equal(new[] { "Accept", "Authorization" }, Evaluate("""
        using System.Collections.Generic;
        class C
        {
            static List<(string, string)> Headers() => new() { ("Accept", "application/json"), ("Authorization", "Bearer x") };
            void M(Dictionary<string, string> target)
            {
                foreach (var h in Headers())
                {
                    target[[|h.Item1|]] = h.Item2;
                }
            }
        }
        """));

    [Fact]
    public void Dictionary_entries_as_key_value_pairs() => Assert.Equal(new[] { "Bearer x" }, Evaluate("""
        using System.Collections.Generic;
        class C
        {
            static readonly Dictionary<string, string> Extra = new() { { "Authorization", "Bearer x" } };
            void M(Dictionary<string, string> target)
            {
                foreach (var pair in Extra)
                {
                    target[pair.Key] = [|pair.Value|];
                }
            }
        }
        """));

    [Fact]
    public void Foreach_deconstruction_of_pairs() => Assert.Equal(new[] { "Authorization" }, Evaluate("""
        using System.Collections.Generic;
        class C
        {
            void M(Dictionary<string, string> target)
            {
                foreach (var (name, value) in new[] { ("Authorization", "Bearer x") })
                {
                    target[[|name|]] = value;
                }
            }
        }
        """));

    [Theory]
    [InlineData("if (setting is string p) return [|p|];")]
    [InlineData("if (setting is { Length: > 0 } p) return [|p|];")]
    [InlineData("if (setting is not null and var p) return [|p|];")]
    [InlineData("return setting switch { { Length: > 0 } p => [|p|], _ => \"\" };")]
    [InlineData("switch (setting) { case string p when p.Length > 0: return [|p|]; }")]
    public void Pattern_variables_are_the_tested_value(string statement) => Assert.Contains(Token, Evaluate($$"""
        class C
        {
            string M()
            {
                string? setting = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                {{statement}}
                return "";
            }
        }
        """));

    [Fact]
    public void Property_subpattern_variable_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C
        {
            string M(System.IO.FileInfo file)
            {
                if (file is { FullName: var name }) return [|name|];
                return "";
            }
        }
        """));

    [Fact]
    public void Helper_with_several_parameters_binds_every_argument() => Assert.Equal(new[] { Token }, Evaluate("""
        using System.IO;
        class C
        {
            static string SecretPath(string dir, string name) => Path.Combine(dir, name.Trim());
            string M() => [|SecretPath("/var/run/secrets/kubernetes.io/serviceaccount", " token ")|];
        }
        """));

    [Fact]
    public void Trim_inside_a_helper_is_applied_to_the_argument() => Assert.Equal(new[] { Dir + "/ca.crt" }, Evaluate("""
        class C
        {
            static string Sibling(string path) => path.Replace("token", "ca.crt");
            string M() => [|Sibling("/var/run/secrets/kubernetes.io/serviceaccount/token")|];
        }
        """));

    [Fact]
    public void Virtual_method_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C
        {
            protected virtual string TokenPath() => "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|TokenPath()|];
        }
        """));

    [Fact]
    public void Recursive_method_is_cut() => Assert.Equal(new[] { "/a", "…/b" }, Evaluate("""
        class C
        {
            static string P(int n) => n == 0 ? "/a" : P(n - 1) + "/b";
            string M() => [|P(3)|];
        }
        """));

    [Fact]
    public void Base_member_set_by_a_derived_constructor() => Assert.Contains(Token, Evaluate("""
        using System.IO;
        abstract class TokenReader
        {
            protected string TokenFile { get; set; } = "/etc/runner/token";
            public string Read() => File.ReadAllText([|TokenFile|]);
        }

        sealed class KubernetesReader : TokenReader
        {
            public KubernetesReader() { TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token"; }
        }
        """));

    [Fact]
    public void Private_member_of_a_base_is_not_widened_by_derived_types() => Assert.Equal(new[] { "/etc/runner/token" }, Evaluate("""
        class Reader
        {
            private readonly string _file = "/etc/runner/token";
            public string Path => [|_file|];
        }

        sealed class Derived : Reader
        {
            private string _file = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            public override string ToString() => _file;
        }
        """));

    [Theory]
    [InlineData("Locations[1]", "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")]
    [InlineData("Locations[0]", Token)]
    [InlineData("local[1]", "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt")]
    public void Constant_index_into_a_collection_of_known_order(string access, string expected) => Assert.Equal(new[] { expected }, Evaluate($$"""
        class C
        {
            private static readonly string[] Locations = { "/var/run/secrets/kubernetes.io/serviceaccount/token", "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt" };
            string M()
            {
                var local = new[] { "/var/run/secrets/kubernetes.io/serviceaccount/token", "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt" };
                return [|{{access}}|];
            }
        }
        """));
}
