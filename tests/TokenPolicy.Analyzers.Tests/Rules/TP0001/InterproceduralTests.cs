using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Rules;
using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>
/// Token paths that travel through fields, properties and helper methods: reported where the path is chosen
/// (the call that passes it), not inside the helper that reads whatever it is given.
/// </summary>
public class InterproceduralTests
{
    private const string Sa = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    [Fact]
    public Task Constructor_assigned_field_from_env_constant_or_parameter() => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        class TokenFile
        {
            private const string PathVariable = "TOKEN_PATH";
            private readonly string _path;
            public TokenFile(string path) { _path = Environment.GetEnvironmentVariable(PathVariable) ?? path; }
            public string Read() => File.ReadAllText(_path);
        }
        class Use
        {
            void M()
            {
                var token = {|TP0001:new TokenFile("{{Sa}}")|};
                var config = new TokenFile("/etc/app/settings.json");
            }
        }
        """);

    [Fact]
    public Task Helpers_several_calls_deep_are_followed_after_many_callees_built_the_reach()
    {
        // More distinct callees with a candidate argument than the reach answers without building its names: from then
        // on the reach decides, at the call and for the callees met inside each summary. The chain into the read must
        // still be followed; the chain into a method that reaches no read is not (and has no finding either way).
        var many = string.Join("\n", Enumerable.Range(0, SinkReach.DirectCallees + 8).Select(i => $"    public static int Len{i}(string s) => s.Length;"));
        var calls = string.Join("\n", Enumerable.Range(0, SinkReach.DirectCallees + 8).Select(i => $"        _ = Many.Len{i}(Dir);"));
        return Verify.VerifyAsync($$"""
            using System.IO;
            static class Many
            {
            {{many}}
            }
            static class Files
            {
                public static string Read(string path) => File.ReadAllText(path);
                public static string Middle(string path) => Read(path.Trim());
                public static string Outer(string dir, string name) => Middle(Path.Combine(dir, name));
                public static int Count(string path) => Many.Len0(path) + Many.Len1(path);
                public static int Unrelated(string dir, string name) => Count(Path.Combine(dir, name));
            }
            class C
            {
                const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
                void M()
                {
            {{calls}}
                    _ = {|TP0001:Files.Outer(Dir, "token")|};
                    _ = Files.Outer(Dir, "ca.crt");
                    _ = Files.Unrelated(Dir, "token");
                }
            }
            """);
    }

    [Fact]
    public Task Field_from_a_token_env_variable_is_decided_inside_the_type_and_reported_at_the_read() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        class FederatedToken
        {
            private const string Variable = "AZURE_FEDERATED_TOKEN_FILE";
            private readonly string _path;
            public FederatedToken(string path) { _path = Environment.GetEnvironmentVariable(Variable) ?? path; }
            public string Read() => {|TP0001:File.ReadAllText(_path)|};
        }
        class Use
        {
            void M() => new FederatedToken("/etc/app/settings.json");
        }
        """);

    [Fact]
    public Task Readonly_field_with_a_dead_first_store() => Verify.VerifyAsync($$"""
        using System.IO;
        class Reader
        {
            private readonly string _path;
            public Reader(string path)
            {
                _path = "/tmp/unused";
                _path = path;
            }
            public string Read() => File.ReadAllText(_path);
        }
        class Use
        {
            Reader Sa() => {|TP0001:new Reader("{{Sa}}")|};
            Reader Other() => new Reader("/tmp/other");
        }
        """);

    [Fact]
    public Task Property_set_in_constructor_and_read_in_another_member() => Verify.VerifyAsync($$"""
        using System.IO;
        class Options
        {
            public Options(string tokenFile) { TokenFile = tokenFile; }
            public string TokenFile { get; }
            public Stream Open() => File.OpenRead(TokenFile);
        }
        class Use
        {
            Options Build() => {|TP0001:new Options("{{Sa}}")|};
        }
        """);

    [Fact]
    public Task Primary_constructor_parameter_read_by_a_member() => Verify.VerifyAsync($$"""
        using System.IO;
        class TokenReader(string path)
        {
            public string Read() => File.ReadAllText(path);
        }
        class Use
        {
            TokenReader Sa() => {|TP0001:new TokenReader("{{Sa}}")|};
            TokenReader Harmless() => new TokenReader("/etc/hostname");
        }
        """);

    [Fact]
    public Task Helper_chain_of_one_two_and_three_calls_across_files_and_classes() => Verify.VerifyAsync(
        new[]
        {
            """
            using System.IO;
            static class Files
            {
                public static string ReadToken(string path) => File.ReadAllText(path);
                public static StreamReader GetStreamReader(string path) => new StreamReader(GetStream(path));
                public static Stream GetStream(string path) => new FileStream(path, FileMode.Open, FileAccess.Read);
            }
            """,
            """
            class Credentials
            {
                public string Load(string file) => Files.ReadToken(file);
                public System.IO.StreamReader Reader(string file) => Files.GetStreamReader(file);
            }
            """,
            $$"""
            class Runner
            {
                const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
                void M(Credentials credentials)
                {
                    var one = {|TP0001:Files.ReadToken(Dir + "/token")|};
                    var two = {|TP0001:Files.GetStreamReader(System.IO.Path.Combine(Dir, "token"))|};
                    var three = {|TP0001:credentials.Reader("{{Sa}}")|};
                    var harmless = credentials.Reader(Dir + "/namespace");
                }
            }
            """,
        },
        null);

    [Fact]
    public Task Message_names_the_helper_its_parameter_and_the_chain() => Verify.VerifyAsync(
        new[]
        {
            $$"""
            using System.IO;
            static class Files
            {
                public static StreamReader GetStreamReader(string path) => new StreamReader(GetStream(path));
                public static Stream GetStream(string path) => new FileStream(path, FileMode.Open);
                public static StreamReader Use() => GetStreamReader("{{Sa}}");
            }
            """,
        },
        null,
        new DiagnosticResult(Descriptors.TP0001_ServiceAccountTokenReadViaCall)
            .WithSpan("/0/Test0.cs", 6, 41, 6, 111)
            .WithArguments("GetStreamReader(path)", "path", "GetStream → new FileStream", Sa));

    [Fact]
    public Task Helper_that_also_reads_harmless_files_is_reported_only_at_the_token_call() => Verify.VerifyAsync($$"""
        using System.IO;
        class Config
        {
            static string ReadFile(string path) => File.ReadAllText(path).Trim();
            string Hosts() => ReadFile("/etc/hosts");
            string Token() => {|TP0001:ReadFile("{{Sa}}")|};
            string Settings(string name) => ReadFile(Path.Combine("/etc/app", name));
        }
        """);

    [Fact]
    public Task Recursion_and_mutual_recursion_terminate() => Verify.VerifyAsync($$"""
        using System.IO;
        class R
        {
            static string Down(string path, int n) => n == 0 ? File.ReadAllText(path) : Down(path, n - 1);
            static string Ping(string path, int n) => n == 0 ? File.ReadAllText(path) : Pong(path, n - 1);
            static string Pong(string path, int n) => Ping(path, n);
            void M()
            {
                _ = {|TP0001:Down("{{Sa}}", 3)|};
                _ = {|TP0001:Ping("{{Sa}}", 3)|};
            }
        }
        """);

    [Fact]
    public Task Generic_methods_and_local_functions_are_followed() => Verify.VerifyAsync($$"""
        using System.IO;
        class G
        {
            static T Read<T>(string path, System.Func<string, T> parse) => parse(File.ReadAllText(path));
            void M()
            {
                _ = {|TP0001:Read("{{Sa}}", s => s.Length)|};
                _ = {|TP0001:Local("{{Sa}}")|};
                string Local(string p) => File.ReadAllText(p);
            }
        }
        """);

    [Fact]
    public Task Lambdas_called_through_delegates_are_not_followed() => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        class L
        {
            void M()
            {
                Func<string, string> read = p => File.ReadAllText(p);
                _ = read("{{Sa}}");
            }
        }
        """);

    [Fact]
    public Task Virtual_calls_use_the_statically_bound_body_and_interface_calls_are_not_followed() => Verify.VerifyAsync($$"""
        using System.IO;
        interface ITokenSource { string Read(string path); }
        class FileTokenSource : ITokenSource { public string Read(string path) => File.ReadAllText(path); }
        class Base { public virtual string Read(string path) => File.ReadAllText(path); }
        class Derived : Base { public override string Read(string path) => "none"; }
        class Use
        {
            void M(ITokenSource source, Base b, FileTokenSource concrete)
            {
                _ = source.Read("{{Sa}}");
                _ = {|TP0001:b.Read("{{Sa}}")|};
                _ = {|TP0001:concrete.Read("{{Sa}}")|};
            }
        }
        """);

    [Fact]
    public Task Base_and_this_constructor_calls_carry_the_value() => Verify.VerifyAsync($$"""
        using System.IO;
        class TokenBase
        {
            private readonly string _file;
            protected TokenBase(string file) { _file = file; }
            public string Read() => File.ReadAllText(_file);
        }
        class ServiceAccountToken : TokenBase
        {
            public ServiceAccountToken() : {|TP0001:base("{{Sa}}")|} { }
        }
        class Chained : TokenBase
        {
            public Chained(string file) : base(file) { }
            public Chained() : {|TP0001:this("{{Sa}}")|} { }
        }
        """);

    [Fact]
    public Task Values_from_configuration_or_public_callers_are_unknown() => Verify.VerifyAsync("""
        using System.IO;
        using System.Collections.Generic;
        public class Reader
        {
            public static string Read(string path) => File.ReadAllText(path);
            public string FromConfig(IDictionary<string, string> configuration) => Read(configuration["TokenPath"]);
            public string FromCaller(string path) => Read(path);
        }
        """);

    [Fact]
    public Task A_caller_parameter_default_is_decided_at_the_call() => Verify.VerifyAsync($$"""
        using System.IO;
        class D
        {
            static string Read(string path) => File.ReadAllText(path);
            string M(string path = "{{Sa}}") => {|TP0001:Read(path)|};
        }
        """);
}
