using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>
/// What ordinary code does to a path on its way to the read (issue 12), each with the near-misses that must stay silent:
/// the same shape with <c>ca.crt</c>, <c>namespace</c>, the sanctioned bot-token file, or a value known only at run time.
/// </summary>
public class ShapeTests
{
    private static Task Body(string statements, string members = "") => Verify.VerifyAsync($$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            const string Bot = "/var/run/secrets/ambient/bot-token";
            {{members}}
            async Task M(string unknown)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """);

    [Theory]
    [InlineData("(Dir + \"/token \").Trim()")]
    [InlineData("(Dir + \"/token\\n\").TrimEnd()")]
    [InlineData("(Dir + \"/token/\").TrimEnd('/')")]
    [InlineData("(Dir + \"/TOKEN\").Replace(\"TOKEN\", \"token\")")]
    [InlineData("\"/VAR/RUN/SECRETS/KUBERNETES.IO/SERVICEACCOUNT/TOKEN\".ToLowerInvariant()")]
    [InlineData("Path.GetFullPath(Dir + \"/../serviceaccount/token\")")]
    [InlineData("Path.GetFullPath(\"token\", Dir)")]
    [InlineData("string.Format(\"{0}/{1}\", Dir, \"token\")")]
    [InlineData("string.Format(\"{0}/token\", args: new object[] { Dir })")]
    [InlineData("string.Join(\"/\", Dir, \"token\")")]
    [InlineData("string.Join('/', new List<string> { Dir, \"token\" })")]
    [InlineData("Path.Combine(\"/var\", \"run\", \"secrets\", \"kubernetes.io\", \"serviceaccount\", \"token\")")]
    [InlineData("Path.Combine([Dir, \"token\"])")]
    [InlineData("Path.Combine(path2: \"token\", path1: Dir)")]
    [InlineData("Path.Join(path2: \"serviceaccount/token\", path1: \"/var/run/secrets/kubernetes.io\")")]
    public Task String_operations_that_keep_the_token_path(string path) => Body($$"""
        _ = {|TP0001:File.ReadAllText({{path}})|};
        """);

    [Theory]
    [InlineData("(Dir + \"/ca.crt \").Trim()")]
    [InlineData("(Dir + \"/token\").Replace(\"token\", \"namespace\")")]
    [InlineData("Path.GetFullPath(\"namespace\", Dir)")]
    [InlineData("string.Format(\"{0}/{1}\", Dir, \"ca.crt\")")]
    [InlineData("string.Format(\"{0}/{1}\", Dir, unknown)")]
    [InlineData("string.Join(\"/\", Dir, unknown)")]
    [InlineData("Path.Combine(\"/var\", \"run\", \"secrets\", \"kubernetes.io\", \"serviceaccount\", \"namespace\")")]
    [InlineData("Bot.Trim()")]
    [InlineData("unknown.Trim().ToLowerInvariant()")]
    public Task String_operations_that_lead_elsewhere(string path) => Body($$"""
        _ = File.ReadAllText({{path}});
        """);

    [Fact]
    public Task String_builder() => Body("""
        var builder = new StringBuilder(Dir);
        builder.Append('/').Append("token");
        _ = {|TP0001:File.ReadAllText(builder.ToString())|};
        var other = new StringBuilder(Dir).Append("/ca.crt");
        _ = File.ReadAllText(other.ToString());
        """);

    [Fact]
    public Task Tuple_deconstruction_and_tuple_elements() => Body("""
        var (dir, name) = (Dir, "token");
        _ = {|TP0001:File.ReadAllText(Path.Combine(dir, name))|};
        var location = (Folder: Dir, File: "namespace");
        _ = File.ReadAllText(Path.Combine(location.Folder, location.File));
        """);

    [Fact]
    public Task Fallback_candidates_consumed_by_a_loop_or_linq() => Body("""
        foreach (var candidate in Candidates)
        {
            if (File.Exists(candidate))
            {
                _ = {|TP0001:File.ReadAllText(candidate)|};
            }
        }

        var first = Candidates.First(File.Exists);
        _ = await {|TP0001:File.ReadAllTextAsync(first)|};
        string[] safe = [Bot, "/etc/runner/token"];
        _ = File.ReadAllText(safe.FirstOrDefault(File.Exists) ?? Bot);
        """,
        """
        static readonly string[] Candidates = { Bot, Dir + "/token" };
        """);

    [Fact]
    public Task Methods_that_return_a_decidable_path() => Body("""
        _ = {|TP0001:File.ReadAllText(TokenPath())|};
        _ = {|TP0001:File.ReadAllText(Under("token"))|};
        _ = File.ReadAllText(Under("ca.crt"));
        _ = File.ReadAllText(Configured());
        """,
        """
        static string TokenPath() => Path.Combine(Dir, "token");
        static string Under(string name) => Dir + "/" + name;
        static string Configured() => Environment.GetEnvironmentVariable("RUNNER_TOKEN_FILE") ?? Bot;
        """);

    [Fact]
    public Task Helper_that_combines_several_parameters_is_reported_at_the_call() => Verify.VerifyAsync("""
        using System.IO;
        static class Secrets
        {
            public static string ReadSecret(string dir, string name) => File.ReadAllText(Path.Combine(dir, name));
        }
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            void M(string unknown)
            {
                _ = {|TP0001:Secrets.ReadSecret(Dir, "token")|};
                _ = {|TP0001:Secrets.ReadSecret(name: "token", dir: Dir)|};
                _ = Secrets.ReadSecret(Dir, "ca.crt");
                _ = Secrets.ReadSecret(Dir, "namespace");
                _ = Secrets.ReadSecret("/var/run/secrets/ambient", "bot-token");
                _ = Secrets.ReadSecret(Dir, unknown);
                _ = Secrets.ReadSecret(unknown, "token");
            }
        }
        """);

    [Fact]
    public Task Helper_that_trims_its_argument_is_judged_on_what_it_reads() => Verify.VerifyAsync("""
        using System.IO;
        static class Files
        {
            public static string ReadTrimmed(string path) => File.ReadAllText(path.Trim());
            public static string ReadSibling(string path) => File.ReadAllText(path.Replace("token", "ca.crt"));
        }
        class C
        {
            void M()
            {
                _ = {|TP0001:Files.ReadTrimmed(" /var/run/secrets/kubernetes.io/serviceaccount/token ")|};
                _ = Files.ReadSibling("/var/run/secrets/kubernetes.io/serviceaccount/token");
            }
        }
        """);

    [Fact]
    public Task Pattern_variables_and_switch_arms() => Body("""
        object setting = Dir + "/token";
        if (setting is string path)
        {
            _ = {|TP0001:File.ReadAllText(path)|};
        }

        string? configured = Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE");
        if (configured is { Length: > 0 } file)
        {
            _ = {|TP0001:File.ReadAllText(file)|};
        }

        var chosen = unknown switch
        {
            "kubernetes" => Dir + "/token",
            "eks" => "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
            _ => Bot,
        };
        _ = {|TP0001:File.ReadAllText(chosen)|};
        var safe = unknown switch { { Length: > 3 } s => Bot, _ => "/etc/runner/token" };
        _ = File.ReadAllText(safe);
        """);

    [Fact]
    public Task Base_member_set_by_a_derived_constructor() => Verify.VerifyAsync("""
        using System.IO;
        abstract class TokenSource
        {
            protected string TokenFile { get; set; } = "/var/run/secrets/ambient/bot-token";
            public string Read() => {|TP0001:File.ReadAllText(TokenFile)|};
        }

        sealed class KubernetesSource : TokenSource
        {
            public KubernetesSource() { TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token"; }
        }
        """);

    [Fact]
    public Task Base_member_set_from_a_derived_constructor_parameter_is_reported_at_the_construction() => Verify.VerifyAsync("""
        using System.IO;
        abstract class TokenSource
        {
            protected string TokenFile { get; set; } = "/var/run/secrets/ambient/bot-token";
            public string Read() => File.ReadAllText(TokenFile);
        }

        sealed class FileSource : TokenSource
        {
            public FileSource(string path) { TokenFile = path; }
        }

        class Use
        {
            void M()
            {
                _ = {|TP0001:new FileSource("/var/run/secrets/kubernetes.io/serviceaccount/token")|};
                _ = new FileSource("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
            }
        }
        """);

    [Fact]
    public Task Base_member_set_by_a_derived_constructor_to_a_safe_file() => Verify.VerifyAsync("""
        using System.IO;
        abstract class TokenSource
        {
            protected string TokenFile { get; set; } = "/var/run/secrets/ambient/bot-token";
            public string Read() => File.ReadAllText(TokenFile);
        }

        sealed class CaSource : TokenSource
        {
            public CaSource() { TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt"; }
        }
        """);

    [Fact]
    public Task Reads_inside_lambdas_lazy_factories_and_local_functions() => Body("""
        var lazy = new Lazy<string>(() => {|TP0001:File.ReadAllText(Dir + "/token")|});
        Func<Task<string>> read = async () => await {|TP0001:File.ReadAllTextAsync(Path.Combine(Dir, "token"))|};
        string Local() => {|TP0001:File.ReadAllText($"{Dir}/token")|};
        string Safe() => File.ReadAllText($"{Dir}/namespace");
        _ = lazy.Value + Local() + Safe() + await read();
        """);

    [Fact]
    public Task Params_span_overloads_of_dotnet_9()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.IO;
                class C
                {
                    const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
                    void M(string unknown)
                    {
                        _ = {|TP0001:File.ReadAllText(Path.Combine("/var", "run", "secrets", "kubernetes.io", "serviceaccount", "token"))|};
                        _ = {|TP0001:File.ReadAllText(string.Join("/", Dir, "token"))|};
                        _ = {|TP0001:File.ReadAllText(string.Concat(Dir, "/", "to", "ken"))|};
                        _ = File.ReadAllText(Path.Combine("/var", "run", "secrets", "kubernetes.io", "serviceaccount", "ca.crt"));
                        _ = File.ReadAllText(Path.Combine("/var", "run", "secrets", "kubernetes.io", "serviceaccount", unknown));
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.Net90,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.Net90Assemblies);
        return test.RunAsync();
    }
}
