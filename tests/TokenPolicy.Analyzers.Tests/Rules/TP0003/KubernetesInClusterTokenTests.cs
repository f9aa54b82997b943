using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Rules;
using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.KubernetesInClusterTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0003;

/// <summary>
/// TP0003 (Info): kubernetes-client APIs that read the service-account token for the caller. Stand-ins declare the
/// real namespaces, type names and parameter names (<c>tokenFile</c>; <c>token_file</c> in old releases).
/// </summary>
public class KubernetesInClusterTokenTests
{
    private const string KubernetesClient = """
        namespace k8s
        {
            public partial class KubernetesClientConfiguration
            {
                public static KubernetesClientConfiguration InClusterConfig() => new KubernetesClientConfiguration();
                public static KubernetesClientConfiguration BuildConfigFromConfigFile(string? kubeconfigPath = null) => new KubernetesClientConfiguration();
                public static bool IsInCluster() => false;
                public string? Host { get; set; }
            }

            public class Kubernetes
            {
                public Kubernetes(KubernetesClientConfiguration config) { }
            }
        }

        namespace k8s.Authentication
        {
            public class TokenFileAuth
            {
                public TokenFileAuth(string tokenFile) { TokenFile = tokenFile; }
                internal string TokenFile { get; set; }
            }
        }
        """;

    private const string OldKubernetesClient = """
        namespace k8s.Authentication
        {
            public class TokenFileAuth
            {
                public TokenFileAuth(string token_file) { }
            }
        }
        """;

    private static Task VerifyWithClient(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { source, KubernetesClient }, null, expected);

    [Fact]
    public Task InClusterConfig_is_reported_at_info() => VerifyWithClient(
        """
        using k8s;
        class C
        {
            Kubernetes Create() => new Kubernetes({|#0:KubernetesClientConfiguration.InClusterConfig()|});
        }
        """,
        new DiagnosticResult(Descriptors.TP0003_KubernetesInClusterToken)
            .WithLocation(0)
            .WithSeverity(DiagnosticSeverity.Info)
            .WithArguments("KubernetesClientConfiguration.InClusterConfig()"));

    [Fact]
    public Task InClusterConfig_in_top_level_statements_and_lambdas() => new AnalyzerVerifier<KubernetesInClusterTokenAnalyzer>.Test
    {
        TestState =
        {
            OutputKind = OutputKind.ConsoleApplication,
            Sources =
            {
                """
                using System;
                using k8s;
                var config = KubernetesClientConfiguration.IsInCluster()
                    ? {|TP0003:KubernetesClientConfiguration.InClusterConfig()|}
                    : KubernetesClientConfiguration.BuildConfigFromConfigFile();
                Func<KubernetesClientConfiguration> factory = () => {|TP0003:k8s.KubernetesClientConfiguration.InClusterConfig()|};
                """,
                KubernetesClient,
            },
        },
    }.RunAsync();

    [Fact]
    public Task Other_configuration_methods_are_not_reported() => VerifyWithClient("""
        using k8s;
        class C
        {
            KubernetesClientConfiguration Create() => KubernetesClientConfiguration.BuildConfigFromConfigFile("/home/me/.kube/config");
            bool InCluster() => KubernetesClientConfiguration.IsInCluster();
        }
        """);

    [Fact]
    public Task Same_names_in_another_namespace_are_not_reported() => Verify.VerifyAsync("""
        namespace MyCompany.k8s
        {
            public class KubernetesClientConfiguration { public static KubernetesClientConfiguration InClusterConfig() => new KubernetesClientConfiguration(); }
            public class TokenFileAuth { public TokenFileAuth(string tokenFile) { } }
            class C
            {
                object A() => KubernetesClientConfiguration.InClusterConfig();
                object B() => new TokenFileAuth("/var/run/secrets/kubernetes.io/serviceaccount/token");
            }
        }
        """);

    [Fact]
    public Task TokenFileAuth_with_the_service_account_token_is_reported() => VerifyWithClient(
        """
        using k8s.Authentication;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            object A() => {|#0:new TokenFileAuth(Dir + "/token")|};
            object B() => {|#1:new TokenFileAuth(tokenFile: System.IO.Path.Combine(Dir, "token"))|};
            object C2() => {|#2:new TokenFileAuth(System.Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE")!)|};
            object D(string path = "/var/run/secrets/tokens/kube-api") => {|#3:new TokenFileAuth(path)|};
        }
        """,
        Info(0, "/var/run/secrets/kubernetes.io/serviceaccount/token"),
        Info(1, "/var/run/secrets/kubernetes.io/serviceaccount/token"),
        Info(2, "$AWS_WEB_IDENTITY_TOKEN_FILE"),
        Info(3, "/var/run/secrets/tokens/kube-api"));

    [Fact]
    public Task TokenFileAuth_target_typed_new() => VerifyWithClient("""
        using k8s.Authentication;
        class C
        {
            TokenFileAuth A() => {|TP0003:new("/var/run/secrets/kubernetes.io/serviceaccount/token")|};
        }
        """);

    [Fact]
    public Task TokenFileAuth_with_a_harmless_or_unknown_path_is_not_reported() => VerifyWithClient("""
        using k8s.Authentication;
        class C
        {
            object A() => new TokenFileAuth("/etc/kube/token");
            object B() => new TokenFileAuth("/var/run/secrets/ambient/bot-token");
            object C2(string path) => new TokenFileAuth(path);
            object D() => new TokenFileAuth("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
        }
        """);

    [Fact]
    public Task TokenFileAuth_of_old_releases_with_token_file_parameter() => Verify.VerifyAsync(
        new[]
        {
            """
            using k8s.Authentication;
            class C { object A() => {|TP0003:new TokenFileAuth("/var/run/secrets/kubernetes.io/serviceaccount/token")|}; }
            """,
            OldKubernetesClient,
        },
        null);

    [Fact]
    public Task TokenFileAuth_honours_extra_token_paths() => Verify.VerifyAsync(
        new[]
        {
            """
            using k8s.Authentication;
            class C { object A() => {|TP0003:new TokenFileAuth("/mnt/kube/token")|}; }
            """,
            KubernetesClient,
        },
        "TP0001.extra_token_paths = /mnt/kube/token");

    [Fact]
    public Task Reading_the_token_yourself_is_TP0001_not_TP0003() => VerifyWithClient("""
        using System.IO;
        class C { string A() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token"); }
        """);

    [Fact]
    public Task Without_the_kubernetes_client_nothing_is_reported() => Verify.VerifyAsync("""
        class C { object A() => new object(); }
        """);

    [Fact]
    public Task Generated_code_is_skipped_by_default() => new AnalyzerVerifier<KubernetesInClusterTokenAnalyzer>.Test
    {
        TestState =
        {
            Sources =
            {
                ("/0/Kube.g.cs", """
                    class G { object A() => k8s.KubernetesClientConfiguration.InClusterConfig(); }
                    """),
                ("/0/Client.cs", KubernetesClient),
            },
        },
    }.RunAsync();

    [Fact]
    public Task Generated_code_is_analyzed_when_the_option_is_on() => new AnalyzerVerifier<KubernetesInClusterTokenAnalyzer>.Test
    {
        TestState =
        {
            Sources =
            {
                ("/0/Kube.g.cs", """
                    class G { object A() => {|TP0003:k8s.KubernetesClientConfiguration.InClusterConfig()|}; }
                    """),
                ("/0/Client.cs", KubernetesClient),
            },
            AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*]\ntokenpolicy.analyze_generated_code = true\n") },
        },
    }.RunAsync();

    [Fact]
    public Task Severity_can_be_lowered_to_none() => Verify.VerifyAsync(
        new[]
        {
            "class C { object A() => k8s.KubernetesClientConfiguration.InClusterConfig(); }",
            KubernetesClient,
        },
        "dotnet_diagnostic.TP0003.severity = none");

    private static DiagnosticResult Info(int location, string path)
        => new DiagnosticResult(Descriptors.TP0003_KubernetesInClusterToken).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithArguments("new TokenFileAuth(" + path + ")");
}
