using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>TP0002 at <c>HttpHeaders.Add</c>/<c>TryAddWithoutValidation</c> with the Authorization header, including initializers.</summary>
public class HeaderCollectionTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task Add_and_TryAddWithoutValidation_with_authorization_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        class C
        {
            void M(HttpClient client, HttpRequestMessage request)
            {
                client.DefaultRequestHeaders.Add("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                request.Headers.TryAddWithoutValidation("authorization", {|TP0002:"token {{GitHub}}"|});
                request.Headers.Add(value: {|TP0002:"Bearer {{Jwt}}"|}, name: "AUTHORIZATION");
            }
        }
        """);

    [Fact]
    public Task Sequence_overloads_report_the_element() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        using System.Net.Http;
        class C
        {
            void M(HttpRequestMessage request)
            {
                request.Headers.Add("Authorization", new[] { {|TP0002:"Bearer {{Jwt}}"|} });
                request.Headers.TryAddWithoutValidation("Authorization", new List<string> { "Bearer {{Jwt}}" });
                request.Headers.TryAddWithoutValidation("Authorization", new string[] { "Bearer <token>", {|TP0002:"Bearer {{GitHub}}"|} });
                request.Headers.Add("Authorization", ["x", {|TP0002:"Bearer {{GitHub}}"|}]);
            }
        }
        """);

    [Fact]
    public Task Collection_initializer_on_headers_is_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        class C
        {
            HttpRequestMessage M() => new HttpRequestMessage(HttpMethod.Get, "https://api.example.org")
            {
                Headers = { { "Authorization", {|TP0002:"Bearer {{Jwt}}"|} }, { "Accept", "application/json" } },
            };
        }
        """);

    [Fact]
    public Task Other_headers_are_not_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        class C
        {
            void M(HttpRequestMessage request)
            {
                request.Headers.Add("X-Request-Id", "{{TestTokens.HighEntropy}}");
                request.Headers.TryAddWithoutValidation("X-Trace", "Bearer {{Jwt}}");
                request.Headers.Add("Proxy-Authorization", "Basic dXNlcjpwYXNz");
            }
        }
        """);

    [Fact]
    public Task Header_name_from_a_constant_is_evaluated() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        static class HeaderNames
        {
            public const string Authorization = "Authorization";
            public static readonly string Other = "X-Other";
        }
        class C
        {
            void M(HttpRequestMessage request)
            {
                request.Headers.Add(HeaderNames.Authorization, {|TP0002:"Bearer {{Jwt}}"|});
                request.Headers.Add(HeaderNames.Other, "Bearer {{Jwt}}");
            }
        }
        """);

    [Fact]
    public Task Placeholders_schemes_and_non_token_schemes_are_not_reported() => Verify.VerifyAsync("""
        using System.Net.Http;
        class C
        {
            void M(HttpRequestMessage request, string token)
            {
                request.Headers.Add("Authorization", "Bearer <token>");
                request.Headers.Add("Authorization", "Bearer {token}");
                request.Headers.Add("Authorization", "Bearer {0}");
                request.Headers.Add("Authorization", "Bearer ${TOKEN}");
                request.Headers.Add("Authorization", "Bearer $(TOKEN)");
                request.Headers.Add("Authorization", "Bearer %TOKEN%");
                request.Headers.Add("Authorization", "token YOUR_TOKEN");
                request.Headers.Add("Authorization", "Bearer your_token_here");
                request.Headers.Add("Authorization", "Bearer xxxxxxxxxxxxxxxxxxxxxxxx");
                request.Headers.Add("Authorization", "Bearer ***");
                request.Headers.Add("Authorization", "Bearer changeme");
                request.Headers.Add("Authorization", "Bearer REPLACE_ME");
                request.Headers.Add("Authorization", "Bearer TODO");
                request.Headers.Add("Authorization", "Bearer dummy");
                request.Headers.Add("Authorization", "Bearer example");
                request.Headers.Add("Authorization", "Bearer placeholder");
                request.Headers.Add("Authorization", "Bearer");
                request.Headers.Add("Authorization", "Bearer ");
                request.Headers.Add("Authorization", "");
                request.Headers.Add("Authorization", "Basic dXNlcm5hbWU6cGFzc3dvcmQxMjM0NQ==");
                request.Headers.Add("Authorization", "Bearer " + token);
                request.Headers.Add("Authorization", $"Bearer {token}");
                request.Headers.Add("Authorization", string.Format("Bearer {0}", token));
            }
        }
        """);

    [Fact]
    public Task A_bare_token_as_the_header_value_is_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        class C
        {
            void M(HttpRequestMessage request) => request.Headers.Add("Authorization", {|TP0002:"{{GitHub}}"|});
        }
        """);
}
