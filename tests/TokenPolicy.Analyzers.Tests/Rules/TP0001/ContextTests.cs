using Microsoft.CodeAnalysis;
using TokenPolicy.Analyzers.Rules;
using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>The same read in every kind of code: the value is found whichever construct holds it.</summary>
public class ContextTests
{
    [Fact]
    public Task Top_level_statements() => new AnalyzerVerifier<ServiceAccountTokenReadAnalyzer>.Test
    {
        TestState =
        {
            OutputKind = OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using System.IO;

                var dir = "/var/run/secrets/kubernetes.io/serviceaccount";
                var token = {|TP0001:File.ReadAllText($"{dir}/token")|};
                var ns = File.ReadAllText($"{dir}/namespace");
                System.Console.WriteLine(Read());

                static string Read(string path = "/run/secrets/kubernetes.io/serviceaccount/token") => {|TP0001:File.ReadAllText(path)|};
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task Primary_constructor_parameter_default_and_captured_field() => Verify.VerifyAsync("""
        using System.IO;
        class TokenReader(string path = "/var/run/secrets/kubernetes.io/serviceaccount/token")
        {
            private readonly string _path = path;
            public string Read() => {|TP0001:File.ReadAllText(path)|};
            public string ReadField() => {|TP0001:File.ReadAllText(_path)|};
        }
        """);

    [Fact]
    public Task Primary_constructor_of_a_record_passes_a_constant_to_base() => Verify.VerifyAsync("""
        using System.IO;
        abstract class Reader(string path)
        {
            protected string Path { get; } = path;
        }
        sealed class ServiceAccountReader() : Reader("/var/run/secrets/kubernetes.io/serviceaccount/token")
        {
            // The base's property is assigned from its own parameter: the constant passed here is not followed.
            public string Read() => File.ReadAllText(Path);
        }
        """);

    [Fact]
    public Task Partial_class_across_files() => Verify.VerifyAsync(
        new[]
        {
            """
            using System.IO;
            partial class Client
            {
                public string Token() => {|TP0001:File.ReadAllText(TokenPath)|};
            }
            """,
            """
            partial class Client
            {
                private static readonly string TokenPath = System.IO.Path.Combine(Root, "token");
            }
            """,
            """
            partial class Client
            {
                private const string Root = "/var/run/secrets/kubernetes.io/serviceaccount";
            }
            """,
        },
        null);

    [Fact]
    public Task Lambdas() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        class C
        {
            private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            Func<string> _read = () => {|TP0001:File.ReadAllText(Token)|};
            Func<Task<string>> _readAsync = async () => await {|TP0001:File.ReadAllTextAsync(Token)|};
            Func<string, string> _readParam = (string p) => File.ReadAllText(p);
            void M()
            {
                var path = Token;
                Action a = () => Console.WriteLine({|TP0001:File.ReadAllText(path)|});
                Func<string, string> f = static p => File.ReadAllText(p);
            }
        }
        """);

    [Fact]
    public Task Local_functions() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            string M()
            {
                const string dir = "/var/run/secrets/kubernetes.io/serviceaccount";
                return Read() + ReadWithDefault() + ReadFrom("/tmp/x");

                string Read() => {|TP0001:File.ReadAllText(dir + "/token")|};
                static string ReadWithDefault(string p = dir + "/token") => {|TP0001:File.ReadAllText(p)|};
                static string ReadFrom(string p) => File.ReadAllText(p);
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_members() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            public C() => _ = {|TP0001:File.ReadAllText(Token)|};
            public string Property => {|TP0001:File.ReadAllText(Token)|};
            public string this[int i] => {|TP0001:File.ReadAllText(Token)|};
            public string Method() => {|TP0001:File.ReadAllText(Token)|};
            public static implicit operator string(C c) => {|TP0001:File.ReadAllText(Token)|};
            public string Accessors { get => {|TP0001:File.ReadAllText(Token)|}; set => _ = value; }
        }
        """);

    [Fact]
    public Task Named_arguments_in_any_order() => Verify.VerifyAsync("""
        using System.IO;
        using System.Text;
        class C
        {
            private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            void M()
            {
                _ = {|TP0001:File.ReadAllText(encoding: Encoding.UTF8, path: Token)|};
                _ = {|TP0001:File.ReadAllText(path: Token)|};
                using var a = {|TP0001:new FileStream(access: FileAccess.Read, mode: FileMode.Open, path: Token)|};
                using var b = new FileStream(access: FileAccess.Write, mode: FileMode.Open, path: Token);
                _ = File.ReadAllText(encoding: Encoding.UTF8, path: "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
                _ = System.IO.Path.Combine(path2: "token", path1: "/var/run/secrets/kubernetes.io/serviceaccount");
                _ = {|TP0001:File.ReadAllText(System.IO.Path.Combine(path2: "token", path1: "/var/run/secrets/kubernetes.io/serviceaccount"))|};
            }
        }
        """);

    [Fact]
    public Task Optional_parameters() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            public string Read(string path = Token) => {|TP0001:File.ReadAllText(path)|};
            public string ReadOrDefault(string? path = null) => {|TP0001:File.ReadAllText(path ?? Token)|};
            public string ReadAssigned(string? path = null)
            {
                path ??= Token;
                return {|TP0001:File.ReadAllText(path)|};
            }
            public string ReadHarmless(string path = "/etc/hostname") => File.ReadAllText(path);
        }
        """);

    [Fact]
    public Task Options_class_with_a_default_path() => Verify.VerifyAsync(
        new[]
        {
            """
            public sealed class TokenOptions
            {
                public const string SectionName = "Token";
                public string TokenFile { get; set; } = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                public string CaFile { get; set; } = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";
            }
            """,
            """
            using System.IO;
            sealed class TokenClient
            {
                private readonly TokenOptions _options;
                public TokenClient(TokenOptions options) => _options = options;
                public string Token() => {|TP0001:File.ReadAllText(_options.TokenFile)|};
                public string Ca() => File.ReadAllText(_options.CaFile);
            }
            """,
        },
        null);

    [Fact]
    public Task Static_and_instance_fields_readonly_or_not() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            private static readonly string s_readonly = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            private static string s_mutable = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
            private readonly string _readonly = "/var/run/secrets/azure/tokens/azure-identity-token";
            public string Mutable = "/var/run/secrets/tokens/vault";
            void M()
            {
                _ = {|TP0001:File.ReadAllText(s_readonly)|};
                _ = {|TP0001:File.ReadAllText(s_mutable)|};
                _ = {|TP0001:File.ReadAllText(_readonly)|};
                _ = {|TP0001:File.ReadAllText(Mutable)|};
            }
        }
        """);

    [Fact]
    public Task Constant_in_another_class_and_file() => Verify.VerifyAsync(
        new[]
        {
            """
            namespace App.Constants;
            public static class KubePaths
            {
                public const string ServiceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount";
                public const string TokenFile = ServiceAccountDir + "/token";
            }
            """,
            """
            using System.IO;
            using App.Constants;
            class C { string M() => {|TP0001:File.ReadAllText(KubePaths.TokenFile)|}; }
            """,
        },
        null);

    [Fact]
    public Task Local_assigned_in_branches() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        class C
        {
            string M(bool onEks)
            {
                string path;
                if (onEks) path = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
                else path = "/etc/hostname";
                return {|TP0001:File.ReadAllText(path)|};
            }
        }
        """);

    [Fact]
    public Task Conditional_and_separator_chars() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            string M(bool windows)
            {
                var sep = windows ? '\\' : '/';
                var root = windows ? @"C:\var\run\secrets" : "/var/run/secrets";
                _ = {|TP0001:File.ReadAllText(root + Path.DirectorySeparatorChar + "kubernetes.io" + Path.AltDirectorySeparatorChar + "serviceaccount/token")|};
                return {|TP0001:File.ReadAllText(root + sep + "kubernetes.io/serviceaccount/token")|};
            }
        }
        """);

    [Fact]
    public Task Using_static_and_fully_qualified_calls() => Verify.VerifyAsync("""
        using static System.IO.File;
        class C
        {
            private const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            void M()
            {
                _ = {|TP0001:ReadAllText(Token)|};
                _ = {|TP0001:System.IO.File.ReadAllLines(Token)|};
                _ = {|TP0001:global::System.IO.File.OpenText(Token)|};
            }
        }
        """);

    [Fact]
    public Task Path_built_with_params_array_collection_expression_and_string_concat() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            private static readonly string Root = "/var/run/secrets";
            void M()
            {
                _ = {|TP0001:File.ReadAllText(Path.Combine(Root, "kubernetes.io", "serviceaccount", "token"))|};
                _ = {|TP0001:File.ReadAllText(Path.Join(new[] { Root, "eks.amazonaws.com", "serviceaccount", "token" }))|};
                _ = {|TP0001:File.ReadAllText(Path.Combine([Root, "azure", "tokens", "azure-identity-token"]))|};
                _ = {|TP0001:File.ReadAllText(string.Concat(Root, "/tokens/", "vault"))|};
                _ = File.ReadAllText(Path.Combine(Root, "kubernetes.io", "serviceaccount", "namespace"));
            }
        }
        """);
}
