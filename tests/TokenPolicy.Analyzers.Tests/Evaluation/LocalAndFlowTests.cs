using static TokenPolicy.Analyzers.Tests.Evaluation.EvaluatorHarness;

namespace TokenPolicy.Analyzers.Tests.Evaluation;

/// <summary>Locals (union of every write in the body), parameters, conditionals and coalescing.</summary>
public class LocalAndFlowTests
{
    private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    [Fact]
    public void Local_is_the_union_of_every_assignment() => Assert.Equal(new[] { "/a", "/b", Token }, Evaluate("""
        class C
        {
            string M(int i)
            {
                var path = "/a";
                if (i > 0) path = "/b";
                else if (i < 0) { path = "/var/run/secrets/kubernetes.io/serviceaccount/token"; }
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Local_declared_without_initializer() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            string M()
            {
                string path;
                path = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Local_assigned_from_another_local() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            string M()
            {
                var dir = "/var/run/secrets/kubernetes.io/serviceaccount";
                var file = dir + "/token";
                var copy = file;
                return [|copy|];
            }
        }
        """));

    [Fact]
    public void Local_written_inside_a_lambda_counts() => Assert.Equal(new[] { "/a", Token }, Evaluate("""
        class C
        {
            string M()
            {
                var path = "/a";
                System.Action a = () => path = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                a();
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Local_written_through_out_argument_is_unknown() => Assert.Equal(new[] { "/a", "…" }, Evaluate("""
        class C
        {
            string? M(System.Collections.Generic.Dictionary<string, string> d)
            {
                string? path = "/a";
                d.TryGetValue("k", out path);
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Foreach_variable_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C
        {
            void M(string[] paths)
            {
                foreach (var path in paths) { _ = [|path|]; }
            }
        }
        """));

    [Fact]
    public void Compound_append_covers_every_prefix_sequence() => Assert.Equal(
        new[] { "/var/run/secrets/kubernetes.io/serviceaccount", "/var/run/secrets/kubernetes.io/serviceaccount/", "/var/run/secrets/kubernetes.io/serviceaccounttoken", Token },
        Evaluate("""
        class C
        {
            string M()
            {
                var path = "/var/run/secrets/kubernetes.io/serviceaccount";
                path += "/";
                path += "token";
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Self_referencing_local_assignment_terminates() => Assert.Equal(new[] { "/a", "…/x" }, Evaluate("""
        class C
        {
            string M(int n)
            {
                var path = "/a";
                for (var i = 0; i < n; i++) path = path + "/x";
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Conditional_is_the_union_of_both_branches() => Assert.Equal(new[] { Token, "/b" }, Evaluate("""
        class C
        {
            string M(bool flag) => [|flag ? "/var/run/secrets/kubernetes.io/serviceaccount/token" : "/b"|];
        }
        """));

    [Fact]
    public void Nested_conditionals() => Assert.Equal(new[] { "/a", "/b", "/c" }, Evaluate("""
        class C
        {
            string M(int i) => [|i == 0 ? "/a" : i == 1 ? "/b" : "/c"|];
        }
        """));

    [Fact]
    public void Coalesce_is_the_union_of_both_sides() => Assert.Equal(new[] { "$AWS_WEB_IDENTITY_TOKEN_FILE", Token }, Evaluate("""
        class C
        {
            string M() => [|System.Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE") ?? "/var/run/secrets/kubernetes.io/serviceaccount/token"|];
        }
        """));

    [Fact]
    public void Coalesce_with_throw_adds_nothing() => Assert.Equal(new[] { "$AZURE_FEDERATED_TOKEN_FILE" }, Evaluate("""
        class C
        {
            string M() => [|System.Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE") ?? throw new System.InvalidOperationException()|];
        }
        """));

    [Fact]
    public void Coalesce_assignment_expression() => Assert.Equal(new[] { "…", Token }, Evaluate("""
        class C
        {
            string M(string? configured) => [|configured ??= "/var/run/secrets/kubernetes.io/serviceaccount/token"|];
        }
        """));

    [Fact]
    public void Coalesce_assignment_statement_on_a_local() => Assert.Equal(new[] { "$TOKEN_PATH", Token }, Evaluate("""
        class C
        {
            string M()
            {
                var path = System.Environment.GetEnvironmentVariable("TOKEN_PATH");
                path ??= "/var/run/secrets/kubernetes.io/serviceaccount/token";
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Coalesce_assignment_statement_on_a_parameter() => Assert.Equal(new[] { "…", Token }, Evaluate("""
        class C
        {
            string M(string? path)
            {
                path ??= "/var/run/secrets/kubernetes.io/serviceaccount/token";
                return [|path|];
            }
        }
        """));

    [Fact]
    public void Coalesce_assignment_on_a_field() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            private string? _path;
            string M() => [|_path ??= "/var/run/secrets/kubernetes.io/serviceaccount/token"|];
        }
        """));

    [Fact]
    public void Switch_expression_is_the_union_of_its_arms() => Assert.Equal(new[] { Token, "/b" }, Evaluate("""
        class C
        {
            string M(int i) => [|i switch { 0 => "/var/run/secrets/kubernetes.io/serviceaccount/token", _ => "/b" }|];
        }
        """));

    [Fact]
    public void Parameter_without_default_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C { string M(string path) => [|path|]; }
        """));

    [Fact]
    public void Parameter_default_value_is_one_possibility() => Assert.Equal(new[] { Token, "…" }, Evaluate("""
        class C
        {
            string M(string path = "/var/run/secrets/kubernetes.io/serviceaccount/token") => [|path|];
        }
        """));

    [Fact]
    public void Parameter_default_from_a_constant() => Assert.Equal(new[] { Token, "…" }, Evaluate("""
        class C
        {
            const string DefaultPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M(string path = DefaultPath) => [|path|];
        }
        """));

    [Fact]
    public void Null_parameter_default_is_just_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C { string? M(string? path = null) => [|path|]; }
        """));

    [Fact]
    public void Local_function_parameter_default() => Assert.Equal(new[] { Token, "…" }, Evaluate("""
        class C
        {
            string M()
            {
                return Read();
                string Read(string path = "/var/run/secrets/kubernetes.io/serviceaccount/token") => [|path|];
            }
        }
        """));

    [Fact]
    public void Primary_constructor_parameter_default() => Assert.Equal(new[] { Token, "…" }, Evaluate("""
        class C(string path = "/var/run/secrets/kubernetes.io/serviceaccount/token")
        {
            string M() => [|path|];
        }
        """));

    [Fact]
    public void Top_level_statement_local() => Assert.Equal(new[] { Token }, Evaluate("""
        var dir = "/var/run/secrets/kubernetes.io/serviceaccount";
        var path = $"{dir}/token";
        System.Console.WriteLine([|path|]);
        """));

    [Fact]
    public void Local_in_a_lambda_body() => Assert.Equal(new[] { Token }, Evaluate("""
        class C
        {
            System.Func<string> F = () =>
            {
                var path = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                return [|path|];
            };
        }
        """));

    [Fact]
    public void Method_of_the_compilation_returns_its_value() => Assert.Equal(new[] { "/var/run/secrets/kubernetes.io/serviceaccount/token" }, Evaluate("""
        class C
        {
            static string Find() => "/var/run/secrets/kubernetes.io/serviceaccount/token";
            string M() => [|Find()|];
        }
        """));

    [Fact]
    public void String_case_is_followed() => Assert.Equal(new[] { "/var/run" }, Evaluate("""
        class C { string M() => [|"/VAR/RUN".ToLowerInvariant()|]; }
        """));

    [Fact]
    public void Method_from_a_referenced_assembly_is_unknown() => Assert.Equal(new[] { "…" }, Evaluate("""
        class C { string M() => [|System.IO.Path.GetTempFileName()|]; }
        """));
}
