using Verify = TokenPolicy.CodeFixes.Tests.FixVerifier;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>TP0002: the hardcoded header becomes the resolver's header, its string form, or the token value, per sink kind.</summary>
public class TP0002FixTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task AuthenticationHeaderValue_creation_becomes_the_resolver_header() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;

        class C
        {
            private const string Token = "{{Jwt}}";

            void Configure(HttpRequestMessage request)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:Token|});
            }

            AuthenticationHeaderValue TargetTyped() => new("token", {|TP0002:"{{GitHub}}"|});
        }
        """, """
        using System.Net.Http;
        using System.Net.Http.Headers;
        using TokenPolicy.Credentials;

        class C
        {
            private const string Token = "{{Jwt}}";

            void Configure(HttpRequestMessage request)
            {
                request.Headers.Authorization = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader();
            }

            AuthenticationHeaderValue TargetTyped() => CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader();
        }
        """.Replace("{{Jwt}}", Jwt));

    [Fact]
    public Task Header_in_async_method_awaits_ResolveAsync() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<HttpResponseMessage> SendAsync(HttpClient http, CancellationToken cancellationToken)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "http://backend.svc/api");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"{{Jwt}}"|});
                return await http.SendAsync(request, cancellationToken);
            }
        }
        """, """
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            async Task<HttpResponseMessage> SendAsync(HttpClient http, CancellationToken cancellationToken)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "http://backend.svc/api");
                request.Headers.Authorization = (await CredentialTokenResolver.Default.ResolveAsync(cancellationToken)).ToAuthorizationHeader();
                return await http.SendAsync(request, cancellationToken);
            }
        }
        """);

    [Fact]
    public Task Parse_becomes_the_resolver_header_and_TryParse_parses_the_resolved_header() => Verify.VerifyAsync($$"""
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            AuthenticationHeaderValue Parsed() => AuthenticationHeaderValue.Parse({|TP0002:"Bearer {{Jwt}}"|});

            bool Tried(out AuthenticationHeaderValue? header) => AuthenticationHeaderValue.TryParse({|TP0002:"Bearer {{Jwt}}"|}, out header);

            async Task<string> TriedAsync(CancellationToken ct)
            {
                await Task.Yield();
                return AuthenticationHeaderValue.TryParse(input: {|TP0002:"Bearer {{Jwt}}"|}, out var header) ? header.Scheme : "";
            }
        }
        """, """
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            AuthenticationHeaderValue Parsed() => CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader();

            bool Tried(out AuthenticationHeaderValue? header) => AuthenticationHeaderValue.TryParse(CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString(), out header);

            async Task<string> TriedAsync(CancellationToken ct)
            {
                await Task.Yield();
                return AuthenticationHeaderValue.TryParse(input: (await CredentialTokenResolver.Default.ResolveAsync(ct)).ToAuthorizationHeader().ToString(), out var header) ? header.Scheme : "";
            }
        }
        """);

    [Fact]
    public Task Header_strings_become_the_header_string_form() => Verify.VerifyAsync($$"""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;

        class C
        {
            private const string FallbackToken = "{{Jwt}}";

            HttpClient Create()
            {
                var client = new HttpClient { BaseAddress = new Uri("http://backend.svc") };
                client.DefaultRequestHeaders.Add("Authorization", {|TP0002:"Bearer " + FallbackToken|});
                client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", {|TP0002:$"Bearer {FallbackToken}"|});
                return client;
            }

            Dictionary<string, string> Headers() => new()
            {
                ["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|},
            };

            void Indexer(IDictionary<string, string> headers)
            {
                headers["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
                headers.Add("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using TokenPolicy.Credentials;

        class C
        {
            private const string FallbackToken = "{{Jwt}}";

            HttpClient Create()
            {
                var client = new HttpClient { BaseAddress = new Uri("http://backend.svc") };
                client.DefaultRequestHeaders.Add("Authorization", CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString());
                client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString());
                return client;
            }

            Dictionary<string, string> Headers() => new()
            {
                ["Authorization"] = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString(),
            };

            void Indexer(IDictionary<string, string> headers)
            {
                headers["Authorization"] = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString();
                headers.Add("Authorization", CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString());
            }
        }
        """.Replace("{{Jwt}}", Jwt), Verify.AllScopes);

    [Fact]
    public Task Header_string_in_an_array_of_values() => Verify.VerifyAsync($$"""
        using System.Net.Http;

        class C
        {
            void Add(HttpClient client) => client.DefaultRequestHeaders.Add("Authorization", new[] { {|TP0002:"Bearer {{Jwt}}"|} });
        }
        """, """
        using System.Net.Http;
        using TokenPolicy.Credentials;

        class C
        {
            void Add(HttpClient client) => client.DefaultRequestHeaders.Add("Authorization", new[] { CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString() });
        }
        """);

    private const string Grpc = """
        namespace Grpc.Core
        {
            public sealed class Metadata : System.Collections.Generic.IEnumerable<Metadata.Entry>
            {
                public void Add(Entry item) { }
                public void Add(string key, string value) { }
                public System.Collections.Generic.IEnumerator<Entry> GetEnumerator() => null!;
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;

                public sealed class Entry
                {
                    public Entry(string key, string value) { }
                }
            }
        }
        """;

    private const string Octokit = """
        namespace Octokit
        {
            public class Credentials
            {
                public Credentials(string token) { }
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
        }
        """;

    [Fact]
    public Task Grpc_metadata_and_Octokit_credentials() => Verify.VerifyAsync($$"""
        using System.Threading;
        using System.Threading.Tasks;
        using Grpc.Core;
        using Octokit;

        class C
        {
            Metadata Metadata() => new Metadata { { "authorization", {|TP0002:"Bearer {{Jwt}}"|} } };

            async Task<Credentials> GitHubAsync(CancellationToken ct)
            {
                await Task.Yield();
                return new Credentials({|TP0002:"{{GitHub}}"|});
            }
        }

        {{Grpc}}

        {{Octokit}}
        """, $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using Grpc.Core;
        using Octokit;
        using TokenPolicy.Credentials;

        class C
        {
            Metadata Metadata() => new Metadata { { "authorization", CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString() } };

            async Task<Credentials> GitHubAsync(CancellationToken ct)
            {
                await Task.Yield();
                return new Credentials((await CredentialTokenResolver.Default.ResolveAsync(ct)).Value);
            }
        }

        {{Grpc}}

        {{Octokit}}
        """);

    [Fact]
    public Task Attribute_header_line_has_no_fix() => Verify.VerifyNoFixAsync($$"""
        using Refit;

        [Headers({|TP0002:"Authorization: Bearer {{Jwt}}"|})]
        interface IApi
        {
        }

        {{Refit}}
        """);
}
