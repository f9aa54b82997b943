using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>TP0002 at <c>new AuthenticationHeaderValue(scheme, parameter)</c>, <c>Parse</c> and <c>TryParse</c>.</summary>
public class AuthenticationHeaderValueTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task Constructor_with_bearer_and_jwt_literal_is_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpClient client)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"{{Jwt}}"|});
            }
        }
        """);

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    [InlineData("Token")]
    [InlineData("token")]
    public Task Token_schemes_in_any_case_are_reported(string scheme) => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue M() => new AuthenticationHeaderValue("{{scheme}}", {|TP0002:"{{GitHub}}"|});
        }
        """);

    [Theory]
    [InlineData("Basic")]
    [InlineData("Digest")]
    [InlineData("Negotiate")]
    public Task Other_schemes_are_not_reported(string scheme) => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue M() => new AuthenticationHeaderValue("{{scheme}}", "{{GitHub}}");
        }
        """);

    [Fact]
    public Task Scheme_from_a_constant_is_evaluated() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        static class Schemes
        {
            public const string Bearer = "Bearer";
            public static readonly string Basic = "Basic";
        }
        class C
        {
            private static readonly string Scheme = Schemes.Bearer;
            AuthenticationHeaderValue A() => new AuthenticationHeaderValue(Schemes.Bearer, {|TP0002:"{{Jwt}}"|});
            AuthenticationHeaderValue B() => new AuthenticationHeaderValue(Scheme, {|TP0002:"{{Jwt}}"|});
            AuthenticationHeaderValue D() => new AuthenticationHeaderValue(Schemes.Basic, "{{Jwt}}");
        }
        """);

    [Fact]
    public Task Unknown_scheme_is_not_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue M(string scheme) => new AuthenticationHeaderValue(scheme, "{{Jwt}}");
        }
        """);

    [Fact]
    public Task Target_typed_new_is_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpRequestMessage request)
            {
                AuthenticationHeaderValue header = new("Bearer", {|TP0002:"{{Jwt}}"|});
                request.Headers.Authorization = new("token", {|TP0002:"{{GitHub}}"|});
            }
        }
        """);

    [Fact]
    public Task Named_arguments_in_any_order_are_matched_by_name() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            const string Tok = "{{Jwt}}";
            AuthenticationHeaderValue A() => new AuthenticationHeaderValue(parameter: {|TP0002:Tok|}, scheme: "Bearer");
            AuthenticationHeaderValue B() => new AuthenticationHeaderValue(scheme: "Bearer", parameter: {|TP0002:Tok|});
            AuthenticationHeaderValue D() => new AuthenticationHeaderValue(parameter: "Bearer", scheme: "Basic");
        }
        """);

    [Fact]
    public Task Scheme_repeated_in_the_parameter_is_still_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue A() => new AuthenticationHeaderValue("Bearer", {|TP0002:"Bearer {{Jwt}}"|});
            AuthenticationHeaderValue B() => new AuthenticationHeaderValue("Bearer", "Basic {{Jwt}}");
        }
        """);

    [Fact]
    public Task Scheme_only_constructor_is_not_a_sink() => Verify.VerifyAsync("""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue M() => new AuthenticationHeaderValue("Bearer");
        }
        """);

    [Fact]
    public Task Placeholders_and_empty_parameters_are_not_reported() => Verify.VerifyAsync("""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue A() => new AuthenticationHeaderValue("Bearer", "<token>");
            AuthenticationHeaderValue B() => new AuthenticationHeaderValue("Bearer", "YOUR_TOKEN");
            AuthenticationHeaderValue D() => new AuthenticationHeaderValue("Bearer", "${TOKEN}");
            AuthenticationHeaderValue E() => new AuthenticationHeaderValue("Bearer", "");
            AuthenticationHeaderValue F() => new AuthenticationHeaderValue("Bearer", null);
            AuthenticationHeaderValue G() => new AuthenticationHeaderValue("Bearer", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
            AuthenticationHeaderValue H() => new AuthenticationHeaderValue("Bearer", "changeme");
        }
        """);

    [Fact]
    public Task Parse_and_TryParse_with_a_full_header_value_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue A() => AuthenticationHeaderValue.Parse({|TP0002:"Bearer {{Jwt}}"|});
            bool B(out AuthenticationHeaderValue? value) => AuthenticationHeaderValue.TryParse({|TP0002:"token {{GitHub}}"|}, out value);
            AuthenticationHeaderValue D() => AuthenticationHeaderValue.Parse(input: {|TP0002:"Bearer " + "{{Jwt}}"|});
        }
        """);

    [Fact]
    public Task Parse_of_a_scheme_alone_other_schemes_or_unknown_values_is_not_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        class C
        {
            AuthenticationHeaderValue A() => AuthenticationHeaderValue.Parse("Bearer");
            AuthenticationHeaderValue B() => AuthenticationHeaderValue.Parse("Basic {{Jwt}}");
            AuthenticationHeaderValue D(string token) => AuthenticationHeaderValue.Parse("Bearer " + token);
            AuthenticationHeaderValue E() => AuthenticationHeaderValue.Parse("Bearer <token>");
        }
        """);
}
