using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// TP0002 on the token shapes real product code hardcodes: schemes other than Bearer, vendor formats (YouTrack,
/// SonarQube), random strings only entropy can tell, Basic credentials
/// whose password is a token, and hex keys and GUIDs at a sink; and the near misses that stay silent.
/// </summary>
public class TokenShapeTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task Other_token_schemes_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpClient client, HttpRequestMessage request)
            {
                client.DefaultRequestHeaders.Add("Authorization", {|TP0002:"Bot {{TestTokens.DiscordBot}}"|});
                request.Headers.Add("Authorization", {|TP0002:"token {{GitHub}}"|});
                request.Headers.Add("Authorization", {|TP0002:"BEARER {{Jwt}}"|});
                request.Headers.Add("Authorization", {|TP0002:"OAuth {{TestTokens.HighEntropy}}"|});
                request.Headers.Add("Authorization", {|TP0002:"SSWS {{TestTokens.RandomAlphanumeric(42, 80)}}"|});
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", {|TP0002:"{{TestTokens.DiscordBot}}"|});
                client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse({|TP0002:"bearer {{Jwt}}"|});
            }
        }
        """);

    [Fact]
    public Task YouTrack_and_SonarQube_tokens_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            const string YouTrack = "{{TestTokens.YouTrack}}";
            void M(HttpClient client, HttpRequestMessage request)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:YouTrack|});
                request.Headers.Add("Authorization", {|TP0002:"Bearer {{TestTokens.SonarQube}}"|});
                request.Headers.TryAddWithoutValidation("Authorization", {|TP0002:"{{TestTokens.SonarQube}}"|});
            }
        }
        """);

    [Fact]
    public Task Hex_keys_and_guids_reaching_a_sink_are_reported() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            public static string apiKey = "{{TestTokens.Random("0123456789abcdef", 64, 82)}}";
            void M(HttpClient client, HttpRequestMessage request, Dictionary<string, string> headers)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"{{TestTokens.Hex32}}"|});
                client.DefaultRequestHeaders.Add("Authorization", {|TP0002:"Bearer 3f2504e0-4f89-41d3-9a0c-0305e82c3301"|});
                request.Headers.Add("Authorization", {|TP0002:apiKey|});
                headers["Authorization"] = {|TP0002:"3f2504e0-4f89-41d3-9a0c-0305e82c3301"|};
            }
        }
        """);

    [Fact]
    public Task Hex_ids_that_reach_no_sink_or_another_header_are_not_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        class C
        {
            const string Commit = "{{TestTokens.Random("0123456789abcdef", 40, 83)}}";
            void M(HttpRequestMessage request)
            {
                request.Headers.Add("X-Request-Id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
                request.Headers.Add("traceparent", "00-{{TestTokens.Random("0123456789abcdef", 32, 84)}}-{{TestTokens.Random("0123456789abcdef", 16, 85)}}-01");
                request.Headers.Add("If-None-Match", Commit);
                request.Headers.Add("Authorization", "Bearer 0123456789abcdef0123456789abcdef");
            }
        }
        """);

    [Fact]
    public Task Basic_credentials_with_a_token_password_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpClient client, HttpRequestMessage request)
            {
                request.Headers.Add("Authorization", {|TP0002:"Basic {{TestTokens.Basic("x-access-token", GitHub)}}"|});
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", {|TP0002:"{{TestTokens.Basic("", TestTokens.RandomAlphanumeric(52, 81))}}"|});
            }
        }
        """);

    [Fact]
    public Task Basic_credentials_with_a_password_or_no_credentials_are_not_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpClient client, HttpRequestMessage request)
            {
                request.Headers.Add("Authorization", "Basic {{TestTokens.Basic("admin", "S3cr3tPassw0rd2024")}}");
                request.Headers.Add("Authorization", "Basic {{TestTokens.Basic("admin", "<password>")}}");
                request.Headers.Add("Authorization", "Basic {{TestTokens.HighEntropy}}");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "{{TestTokens.HighEntropy}}");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "{{GitHub}}");
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "{{TestTokens.Basic("user", "password12345")}}");
            }
        }
        """);

    [Fact]
    public Task Non_tokens_with_high_entropy_are_not_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        class C
        {
            void M(HttpRequestMessage request)
            {
                request.Headers.Add("Authorization", "Bearer iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
                request.Headers.Add("Authorization", "Bearer dapr.proto.runtime.v1.Dapr");
                request.Headers.Add("Authorization", "application/vnd.github.v3+json");
                request.Headers.Add("Authorization", "Bearer https://login.example.org/oauth2/v2.0/token");
                request.Headers.Add("Authorization", "Bearer repositories/1/git/refs/heads/develop");
                request.Headers.Add("Authorization", "Bearer U29tZSBDb250ZW50");
                request.Headers.Add("Authorization", "Bearer ErrorExceptionSerializationFailed1");
                request.Headers.Add("Authorization", "Bearer 0123456789abcdef");
                request.Headers.Add("Authorization", "Bearer the token goes here");
                request.Headers.Add("Authorization", "Digest {{TestTokens.HighEntropy}}");
            }
        }
        """);
}
