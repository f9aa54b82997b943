using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>The default token files and token-file environment variables.</summary>
public class TokenPathTests
{
    private static Task Reported(string pathExpression) => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        class C
        {
            string M() => {|TP0001:File.ReadAllText({{pathExpression}})|};
        }
        """);

    private static Task NotReported(string pathExpression) => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        class C
        {
            string M() => File.ReadAllText({{pathExpression}});
        }
        """);

    [Theory]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/token\"")]
    [InlineData("\"/run/secrets/kubernetes.io/serviceaccount/token\"")]
    [InlineData("@\"\\var\\run\\secrets\\kubernetes.io\\serviceaccount\\token\"")]
    [InlineData("@\"C:\\var\\run\\secrets\\kubernetes.io\\serviceaccount\\token\"")]
    [InlineData("\"C:/var/run/secrets/kubernetes.io/serviceaccount/token\"")]
    [InlineData("@\"c:\\run\\secrets\\kubernetes.io\\serviceaccount\\token\"")]
    [InlineData("\"/var/run//secrets/./kubernetes.io/serviceaccount/token\"")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/../serviceaccount/token\"")]
    [InlineData("\"/var/run/secrets/tokens/vault-token\"")]
    [InlineData("\"/var/run/secrets/tokens/api/token\"")]
    [InlineData("\"/run/secrets/tokens/my-audience\"")]
    [InlineData("\"/var/run/secrets/eks.amazonaws.com/serviceaccount/token\"")]
    [InlineData("\"/run/secrets/eks.amazonaws.com/serviceaccount/token\"")]
    [InlineData("\"/var/run/secrets/azure/tokens/azure-identity-token\"")]
    [InlineData("\"/run/secrets/azure/tokens/azure-identity-token\"")]
    public Task Default_token_file(string path) => Reported(path);

    [Theory]
    [InlineData("AZURE_FEDERATED_TOKEN_FILE")]
    [InlineData("AWS_WEB_IDENTITY_TOKEN_FILE")]
    [InlineData("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")]
    public Task File_named_by_a_token_environment_variable(string name) => Reported($"Environment.GetEnvironmentVariable(\"{name}\")!");

    [Fact]
    public Task Environment_variable_through_a_local_with_fallback() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        class C
        {
            string M()
            {
                var file = Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE") ?? throw new InvalidOperationException("not on EKS");
                return {|TP0001:File.ReadAllText(file)|};
            }
        }
        """);

    [Fact]
    public Task Environment_variable_with_default_path() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        class C
        {
            string M()
            {
                var file = Environment.GetEnvironmentVariable("TOKEN_PATH") ?? "/var/run/secrets/kubernetes.io/serviceaccount/token";
                return {|TP0001:File.ReadAllText(file)|};
            }
        }
        """);

    [Fact]
    public Task Known_ending_after_an_unknown_root() => Reported("Path.Combine(Environment.GetEnvironmentVariable(\"SECRETS_ROOT\")!, \"kubernetes.io/serviceaccount/token\")");

    [Fact]
    public Task Known_ending_after_an_unknown_root_with_backslashes() => Reported("Environment.GetEnvironmentVariable(\"ROOT\") + @\"\\kubernetes.io\\serviceaccount\\token\"");

    [Theory]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/namespace\"")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/ca.crt\"")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount\"")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/token.bak/x\"")]
    [InlineData("\"/var/run/secrets/kubernetes.io/serviceaccount/tokens\"")]
    [InlineData("\"/var/run/secrets/tokens\"")]
    [InlineData("\"/home/app/.config/token\"")]
    [InlineData("\"/etc/app/github-token\"")]
    [InlineData("\"token\"")]
    [InlineData("\"secrets/kubernetes.io/serviceaccount/token\"")]
    [InlineData("\"/tmp/var/run/secrets/kubernetes.io/serviceaccount/token\"")]
    [InlineData("\"/var/run/secrets/ambient/bot-token\"")]
    [InlineData("\"/run/secrets/ambient/bot-token\"")]
    [InlineData("@\"C:\\var\\run\\secrets\\ambient\\bot-token\"")]
    [InlineData("\"\"")]
    [InlineData("Environment.GetEnvironmentVariable(\"BOT_TOKEN_FILE\")!")]
    [InlineData("Environment.GetEnvironmentVariable(\"aws_web_identity_token_file\")!")]
    [InlineData("Environment.GetEnvironmentVariable(\"AWS_WEB_IDENTITY_TOKEN_FILE\") + \".bak\"")]
    [InlineData("Path.Combine(Environment.GetEnvironmentVariable(\"HOME\")!, \"token\")")]
    [InlineData("Path.Combine(\"/var/run/secrets/kubernetes.io/serviceaccount\", Environment.GetEnvironmentVariable(\"FILE\")!)")]
    public Task Not_a_token_file(string path) => NotReported(path);
}
