using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Rules;
using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>The .editorconfig options, generated code, and severity configuration.</summary>
public class OptionsTests
{
    private const string Reads = """
        using System;
        using System.IO;
        class C
        {
            void M()
            {
                _ = {|#0:File.ReadAllText("/mnt/identity/token")|};
                _ = {|#1:File.ReadAllText("/mnt/identity/nested/dir/token")|};
                _ = {|#2:File.ReadAllText(@"D:\vault\agent-token")|};
                _ = {|#3:File.ReadAllText(Environment.GetEnvironmentVariable("VAULT_TOKEN_FILE")!)|};
                _ = {|#4:File.ReadAllText("/var/run/secrets/tokens/sanctioned-audience")|};
                _ = {|#5:File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token")|};
            }
        }
        """;

    private static DiagnosticResult At(int location, string path)
        => new DiagnosticResult(Descriptors.TP0001_ServiceAccountTokenRead).WithLocation(location).WithArguments("File.ReadAllText", path);

    [Fact]
    public Task Without_options_only_the_defaults_are_reported() => Verify.VerifyAsync(
        new[] { Reads },
        null,
        At(4, "/var/run/secrets/tokens/sanctioned-audience"),
        At(5, "/var/run/secrets/kubernetes.io/serviceaccount/token"));

    [Fact]
    public Task Extra_token_paths_env_vars_and_sanctioned_paths() => Verify.VerifyAsync(
        new[] { Reads },
        """
        TP0001.extra_token_paths = /mnt/identity/*, /mnt/identity/**/token,/vault/*-token
        TP0001.extra_token_env_vars = VAULT_TOKEN_FILE
        TP0001.sanctioned_paths = /var/run/secrets/tokens/sanctioned-*
        """,
        At(0, "/mnt/identity/token"),
        At(1, "/mnt/identity/nested/dir/token"),
        At(2, @"D:\vault\agent-token"),
        At(3, "$VAULT_TOKEN_FILE"),
        At(5, "/var/run/secrets/kubernetes.io/serviceaccount/token"));

    [Fact]
    public Task Option_keys_are_case_insensitive() => Verify.VerifyAsync(
        new[] { Reads },
        """
        tp0001.EXTRA_TOKEN_ENV_VARS = VAULT_TOKEN_FILE
        tp0001.sanctioned_paths = /var/run/secrets/tokens/**, /var/run/secrets/kubernetes.io/serviceaccount/token
        """,
        At(3, "$VAULT_TOKEN_FILE"));

    [Fact]
    public Task Sanctioned_paths_can_cover_a_default_token_path() => Verify.VerifyAsync(
        new[] { """
        using System.IO;
        class C { string M() => File.ReadAllText("/var/run/secrets/tokens/vault"); }
        """ },
        "TP0001.sanctioned_paths = /var/run/secrets/tokens/vault");

    [Fact]
    public Task Star_does_not_cross_directories() => Verify.VerifyAsync(
        new[] { """
        using System.IO;
        class C
        {
            void M()
            {
                _ = {|TP0001:File.ReadAllText("/mnt/identity/token")|};
                _ = File.ReadAllText("/mnt/identity/a/token");
            }
        }
        """ },
        "TP0001.extra_token_paths = /mnt/identity/*");

    [Fact]
    public Task Extra_token_path_with_backslashes_matches_either_separator() => Verify.VerifyAsync(
        new[] { """
        using System.IO;
        class C
        {
            void M()
            {
                _ = {|TP0001:File.ReadAllText("/mnt/identity/token")|};
                _ = {|TP0001:File.ReadAllText(@"C:\mnt\identity\token")|};
            }
        }
        """ },
        @"TP0001.extra_token_paths = C:\mnt\identity\token");

    [Fact]
    public Task Semicolon_starts_an_editorconfig_comment_so_lists_use_commas() => Verify.VerifyAsync(
        new[] { Reads },
        "TP0001.extra_token_paths = /mnt/identity/token ; /vault/*-token",
        At(0, "/mnt/identity/token"),
        At(4, "/var/run/secrets/tokens/sanctioned-audience"),
        At(5, "/var/run/secrets/kubernetes.io/serviceaccount/token"));

    [Fact]
    public Task Empty_option_values_change_nothing() => Verify.VerifyAsync(
        new[] { Reads },
        """
        TP0001.extra_token_paths =
        TP0001.extra_token_env_vars = , ,
        TP0001.sanctioned_paths =
        """,
        At(4, "/var/run/secrets/tokens/sanctioned-audience"),
        At(5, "/var/run/secrets/kubernetes.io/serviceaccount/token"));

    [Fact]
    public Task Options_apply_per_file() => new AnalyzerVerifier<ServiceAccountTokenReadAnalyzer>.Test
    {
        TestState =
        {
            Sources =
            {
                ("/0/src/A.cs", """
                    using System.IO;
                    class A { string M() => {|TP0001:File.ReadAllText("/mnt/identity/token")|}; }
                    """),
                ("/0/other/B.cs", """
                    using System.IO;
                    class B { string M() => File.ReadAllText("/mnt/identity/token"); }
                    """),
            },
            AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[/0/src/*.cs]\nTP0001.extra_token_paths = /mnt/identity/token\n") },
        },
    }.RunAsync();

    private const string GeneratedByName = """
        using System.IO;
        class Generated { string M() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token"); }
        """;

    private const string GeneratedByHeader = """
        // <auto-generated/>
        using System.IO;
        class GeneratedHeader { string M() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token"); }
        """;

    [Fact]
    public Task Generated_code_is_skipped_by_default() => new AnalyzerVerifier<ServiceAccountTokenReadAnalyzer>.Test
    {
        TestState =
        {
            Sources = { ("/0/Client.g.cs", GeneratedByName), ("/0/Header.cs", GeneratedByHeader) },
        },
    }.RunAsync();

    [Fact]
    public Task Generated_code_is_analyzed_when_the_option_is_on() => new AnalyzerVerifier<ServiceAccountTokenReadAnalyzer>.Test
    {
        TestState =
        {
            Sources =
            {
                ("/0/Client.g.cs", GeneratedByName.Replace("File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\")", "{|TP0001:File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\")|}")),
                ("/0/Header.cs", GeneratedByHeader.Replace("File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\")", "{|TP0001:File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\")|}")),
            },
            AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*]\ntokenpolicy.analyze_generated_code = true\n") },
        },
    }.RunAsync();

    [Fact]
    public Task Generated_code_option_false_keeps_skipping() => new AnalyzerVerifier<ServiceAccountTokenReadAnalyzer>.Test
    {
        TestState =
        {
            Sources = { ("/0/Client.g.cs", GeneratedByName) },
            AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*]\ntokenpolicy.analyze_generated_code = false\n") },
        },
    }.RunAsync();

    [Fact]
    public Task Severity_can_be_raised_to_error() => new AnalyzerVerifier<ServiceAccountTokenReadAnalyzer>.Test
    {
        // The project-level mechanism behind <WarningsAsErrors>TP0001</WarningsAsErrors> and rule sets. (The test
        // host applies `dotnet_diagnostic.TP0001.severity = none` from .editorconfig, below, but does not escalate
        // per-file severities; the compiler does both.)
        TestState =
        {
            Sources =
            {
                """
                using System.IO;
                class C { string M() => {|#0:File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token")|}; }
                """,
            },
            ExpectedDiagnostics = { At(0, "/var/run/secrets/kubernetes.io/serviceaccount/token").WithSeverity(DiagnosticSeverity.Error) },
        },
        SolutionTransforms =
        {
            (solution, projectId) => solution.WithProjectCompilationOptions(
                projectId,
                solution.GetProject(projectId)!.CompilationOptions!.WithSpecificDiagnosticOptions(
                    new Dictionary<string, ReportDiagnostic> { [RuleIdentifiers.ServiceAccountTokenRead] = ReportDiagnostic.Error })),
        },
    }.RunAsync();

    [Fact]
    public Task Severity_none_disables_the_rule() => Verify.VerifyAsync(
        new[] { """
        using System.IO;
        class C { string M() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token"); }
        """ },
        "dotnet_diagnostic.TP0001.severity = none");

    [Fact]
    public Task Pragma_suppresses() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
        #pragma warning disable TP0001 // Kubernetes API client bootstrap, reviewed
            string M() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token");
        #pragma warning restore TP0001
        }
        """);

    [Fact]
    public Task SuppressMessage_attribute_suppresses() => Verify.VerifyAsync("""
        using System.Diagnostics.CodeAnalysis;
        using System.IO;
        class C
        {
            [SuppressMessage("Security", "TP0001", Justification = "reviewed")]
            string M() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token");
        }
        """);
}
