using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// TP0002 at gRPC metadata, Refit-style header attributes and Octokit credentials. The libraries are not referenced:
/// small stand-ins with the real namespaces, type names and parameter names are declared in each source.
/// </summary>
public class ThirdPartySinkTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    private const string Grpc = """
        namespace Grpc.Core
        {
            public sealed class Metadata : System.Collections.Generic.IEnumerable<Metadata.Entry>
            {
                public void Add(Entry item) { }
                public void Add(string key, string value) { }
                public void Add(string key, byte[] valueBytes) { }
                public System.Collections.Generic.IEnumerator<Entry> GetEnumerator() => null!;
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;

                public sealed class Entry
                {
                    public Entry(string key, string value) { }
                    public Entry(string key, byte[] valueBytes) { }
                }
            }
        }
        """;

    private const string Refit = """
        namespace Refit
        {
            [System.AttributeUsage(System.AttributeTargets.Interface | System.AttributeTargets.Method)]
            public class HeadersAttribute : System.Attribute
            {
                public HeadersAttribute(params string[] headers) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public class GetAttribute : System.Attribute
            {
                public GetAttribute(string path) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Parameter)]
            public class HeaderAttribute : System.Attribute
            {
                public HeaderAttribute(string header) { }
            }
        }
        """;

    private const string Octokit = """
        namespace Octokit
        {
            public enum AuthenticationType { Anonymous, Basic, Oauth, Bearer }

            public class Credentials
            {
                public Credentials(string token) { }
                public Credentials(string login, string password) { }
                public Credentials(string token, AuthenticationType authenticationType) { }
            }
        }
        """;

    [Fact]
    public Task Grpc_metadata_authorization_is_reported() => Verify.VerifyAsync($$"""
        using Grpc.Core;
        class C
        {
            Metadata A()
            {
                var metadata = new Metadata();
                metadata.Add("authorization", {|TP0002:"Bearer {{Jwt}}"|});
                metadata.Add(new Metadata.Entry("Authorization", {|TP0002:"Bearer {{Jwt}}"|}));
                return metadata;
            }

            Metadata B() => new Metadata { { "authorization", {|TP0002:"Bearer {{GitHub}}"|} } };
        }
        {{Grpc}}
        """);

    [Fact]
    public Task Grpc_metadata_other_keys_and_unknown_values_are_not_reported() => Verify.VerifyAsync($$"""
        using Grpc.Core;
        class C
        {
            Metadata A(string token) => new Metadata
            {
                { "x-request-id", "{{TestTokens.HighEntropy}}" },
                { "authorization", "Bearer " + token },
                { "authorization", "Bearer <token>" },
            };
        }
        {{Grpc}}
        """);

    [Fact]
    public Task Authorization_header_lines_in_attributes_are_reported() => Verify.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Refit;

        [Headers("User-Agent: test", {|TP0002:"Authorization: Bearer {{Jwt}}"|})]
        public interface IApi
        {
            [Get("/users")]
            [Headers({|TP0002:"Authorization: token {{GitHub}}"|})]
            Task<string> Users();

            [Get("/repos")]
            [Headers({|TP0002:Secrets.Header|})]
            Task<string> Repos();
        }

        static class Secrets
        {
            public const string Header = "Authorization: Bearer " + "{{Jwt}}";
        }
        {{Refit}}
        """);

    [Fact]
    public Task Attribute_header_lines_in_any_case_literal_form_or_concatenation_are_reported() => Verify.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Refit;

        public interface IApi
        {
            [Get("/users")]
            [Headers("X-Id: 1", {|TP0002:"authorization: bearer {{Jwt}}"|})]
            Task<string> Users();

            [Get("/repos")]
            [Headers({|TP0002:@"AUTHORIZATION: Bearer {{Jwt}}"|})]
            Task<string> Repos();

            [Get("/orgs")]
            [Headers({|TP0002:"Author" + "ization: token {{GitHub}}"|})]
            Task<string> Orgs();
        }
        {{Refit}}
        """);

    [Fact]
    public Task Attributes_without_a_token_are_not_reported() => Verify.VerifyAsync($$"""
        using System.Threading.Tasks;
        using Refit;

        [Headers("Authorization: Bearer")]
        public interface IApi
        {
            [Get("/users")]
            [Headers("Authorization: Bearer <token>", "X-Key: {{Jwt}}")]
            Task<string> Users([Header("Authorization")] string authorization);

            [Get("/{{Jwt}}")]
            Task<string> Other();

            [Get("/x")]
            [Headers("Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQxMjM0NQ==")]
            Task<string> Basic();
        }
        {{Refit}}
        """);

    [Fact]
    public Task Octokit_token_credentials_are_reported() => Verify.VerifyAsync($$"""
        using Octokit;
        class C
        {
            const string Token = "{{GitHub}}";
            Credentials A() => new Credentials({|TP0002:"{{GitHub}}"|});
            Credentials B() => new Credentials({|TP0002:Token|}, AuthenticationType.Bearer);
            Credentials D() => new(token: {|TP0002:Token|});
        }
        {{Octokit}}
        """);

    [Fact]
    public Task Octokit_login_password_and_unknown_tokens_are_not_reported() => Verify.VerifyAsync($$"""
        using System;
        using Octokit;
        class C
        {
            Credentials A() => new Credentials("octocat", "{{TestTokens.HighEntropy}}");
            Credentials B() => new Credentials(Environment.GetEnvironmentVariable("GITHUB_TOKEN"));
            Credentials D(string token) => new Credentials(token);
            Credentials E() => new Credentials("<your-token>");
        }
        {{Octokit}}
        """);
}
