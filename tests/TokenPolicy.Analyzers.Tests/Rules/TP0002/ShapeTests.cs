using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// What ordinary code does to a token on its way to the header (issue 12), through the shared evaluator, each with
/// near-misses: placeholders, other header names, values known only at run time.
/// </summary>
public class ShapeTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task String_operations_on_the_token() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        class C
        {
            const string Token = " {{Jwt}} ";
            void M(HttpRequestMessage request, string runtime)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token.Trim()|});
                request.Headers.Add("Authorization", {|TP0002:string.Format("token {0}", "{{GitHub}}")|});
                request.Headers.Add("Authorization", {|TP0002:string.Join(" ", "Bearer", Token.Trim())|});
                var header = new StringBuilder("Bearer ").Append(Token.Trim());
                request.Headers.Add("Authorization", {|TP0002:header.ToString()|});
                request.Headers.Add("Authorization", string.Format("Bearer {0}", runtime.Trim()));
                request.Headers.Add("Authorization", string.Join(" ", "Bearer", "<your-token>"));
            }
        }
        """);

    [Fact]
    public Task Header_pairs_from_a_helper_added_in_a_loop() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        using System.Net.Http;
        class C
        {
            static IEnumerable<(string, string)> DefaultHeaders()
            {
                yield return ("Accept", "application/json");
                yield return ("Authorization", "Bearer {{Jwt}}");
            }

            static List<(string Name, string Value)> SafeHeaders() => new() { ("Accept", "application/json"), ("X-Request-Id", "{{Jwt}}") };

            void M(HttpRequestMessage request)
            {
                foreach (var h in DefaultHeaders())
                {
                    request.Headers.Add(h.Item1, {|TP0002:h.Item2|});
                }

                foreach (var (name, value) in SafeHeaders())
                {
                    request.Headers.Add(name, value);
                }
            }
        }
        """);

    [Fact]
    public Task Dictionary_of_headers_is_reported_where_the_entry_is_written_and_where_it_reaches_the_request() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        using System.Net.Http;
        class C
        {
            private static readonly Dictionary<string, string> Headers = new()
            {
                ["User-Agent"] = "runner",
                ["Authorization"] = {|TP0002:"token {{GitHub}}"|},
            };

            void M(HttpClient client)
            {
                foreach (var pair in Headers)
                {
                    client.DefaultRequestHeaders.Add(pair.Key, {|TP0002:pair.Value|});
                }
            }
        }
        """);

    [Fact]
    public Task Token_from_a_constant_returning_method_and_a_pattern_variable() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            static string Token() => "{{Jwt}}";
            static string Placeholder() => "YOUR_TOKEN_HERE";
            void M(HttpRequestMessage request, object setting)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token()|});
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Placeholder());
                object configured = "{{GitHub}}";
                if (configured is string token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("token", {|TP0002:token|});
                }

                if (setting is string runtime)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("token", runtime);
                }
            }
        }
        """);
}
