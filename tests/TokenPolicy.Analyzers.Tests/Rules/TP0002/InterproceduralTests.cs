using Microsoft.CodeAnalysis.Testing;
using static TokenPolicy.Analyzers.Tests.Rules.TP0002.TestTokens;
using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>Hardcoded tokens handed to helpers and constructors that build the header elsewhere: reported at the argument.</summary>
public class InterproceduralTests
{
    [Fact]
    public Task Token_passed_to_a_constructor_that_stores_it_and_builds_the_header_in_another_member() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class ApiClient
        {
            private readonly string _token;
            public ApiClient(string token) { _token = token; }
            public void Authorize(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }
        class Use
        {
            ApiClient Hardcoded() => new ApiClient({|TP0002:"{{GitHub}}"|});
            ApiClient FromEnvironment() => new ApiClient(System.Environment.GetEnvironmentVariable("GITHUB_TOKEN") ?? "");
            ApiClient Placeholder() => new ApiClient("<your-token>");
        }
        """);

    [Fact]
    public Task Header_string_helpers_two_calls_deep_across_files() => Verify.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            static class Headers
            {
                public static void SetAuthorization(HttpClient client, string header) => client.DefaultRequestHeaders.Add("Authorization", header);
                public static void UseBearer(HttpClient client, string token) => SetAuthorization(client, "Bearer " + token);
            }
            """,
            $$"""
            class Runner
            {
                const string Token = "{{Jwt}}";
                void M(System.Net.Http.HttpClient client, string fromCaller)
                {
                    Headers.UseBearer(client, {|TP0002:Token|});
                    Headers.SetAuthorization(client, {|TP0002:"Bearer {{Jwt2}}"|});
                    Headers.UseBearer(client, fromCaller);
                    Headers.UseBearer(client, "<token>");
                }
            }
            """,
        },
        null);

    [Fact]
    public Task Message_names_the_helper_and_the_chain() => Verify.VerifyAsync(
        new[]
        {
            $$"""
            using System.Net.Http;
            using System.Net.Http.Headers;
            static class Auth
            {
                public static AuthenticationHeaderValue Bearer(string token) => new AuthenticationHeaderValue("Bearer", token);
                public static AuthenticationHeaderValue Make() => Bearer("{{GitLab}}");
            }
            """,
        },
        null,
        new DiagnosticResult(Descriptors.TP0002_HardcodedBearerTokenViaCall)
            .WithSpan("/0/Test0.cs", 6, 62, 6, 62 + GitLab.Length + 2)
            .WithArguments("Bearer(token)", "token", "AuthenticationHeaderValue", "GitLab token"));

    [Fact]
    public Task Recursion_terminates_and_configuration_values_are_not_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        using System.Net.Http;
        class R
        {
            static void Set(HttpRequestMessage r, string token, int n)
            {
                if (n == 0) r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                else Set(r, token, n - 1);
            }
            void M(HttpRequestMessage r, IDictionary<string, string> configuration)
            {
                Set(r, {|TP0002:"{{Jwt}}"|}, 2);
                Set(r, configuration["Token"], 2);
            }
        }
        """);
}
