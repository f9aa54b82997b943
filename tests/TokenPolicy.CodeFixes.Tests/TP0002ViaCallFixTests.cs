using Verify = TokenPolicy.CodeFixes.Tests.FixVerifier;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>
/// TP0002 at a call into a helper or constructor: the hardcoded argument becomes the resolved token (or the header's
/// string form) when the helper's parameter reaches the sink unchanged, or as <c>"Bearer " + parameter</c>, and is named
/// nowhere else. Also the header-value sinks of <c>System.Net</c>'s <c>WebHeaderCollection</c>.
/// </summary>
public class TP0002ViaCallFixTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    private const string Helpers = """
        class ApiClient
        {
            private readonly string _token;
            public ApiClient(string token) { _token = token; }
            public void Authorize(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        class PrimaryClient(string token)
        {
            public AuthenticationHeaderValue Header() => new AuthenticationHeaderValue("Bearer", token);
        }

        static class Headers
        {
            public static void SetAuthorization(HttpClient client, string header) => client.DefaultRequestHeaders.Add("Authorization", header);
            public static void UseBearer(HttpClient client, string token) => SetAuthorization(client, "Bearer " + token);
        }
        """;

    [Fact]
    public Task Arguments_that_only_reach_the_sink_become_the_resolved_token() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        class Use
        {
            const string Token = "{{Jwt}}";

            ApiClient Stored() => new ApiClient({|TP0002:"{{GitHub}}"|});
            PrimaryClient Primary() => new PrimaryClient(token: {|TP0002:Token|});

            void Header(HttpClient client)
            {
                Headers.UseBearer(client, {|TP0002:Token|});
                Headers.SetAuthorization(client, {|TP0002:"Bearer {{Jwt}}"|});
            }

            async Task HeaderAsync(HttpClient client, CancellationToken ct)
            {
                await Task.Yield();
                Headers.UseBearer(client, {|TP0002:Token|});
            }
        }

        {{Helpers}}
        """, $$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Use
        {
            const string Token = "{{Jwt}}";

            ApiClient Stored() => new ApiClient(CredentialTokenResolver.Default.Resolve().Value);
            PrimaryClient Primary() => new PrimaryClient(token: CredentialTokenResolver.Default.Resolve().Value);

            void Header(HttpClient client)
            {
                Headers.UseBearer(client, CredentialTokenResolver.Default.Resolve().Value);
                Headers.SetAuthorization(client, CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString());
            }

            async Task HeaderAsync(HttpClient client, CancellationToken ct)
            {
                await Task.Yield();
                Headers.UseBearer(client, (await CredentialTokenResolver.Default.ResolveAsync(ct)).Value);
            }
        }

        {{Helpers}}
        """, Verify.AllScopes);

    [Fact]
    public Task Base_constructor_arguments_become_the_resolved_token() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;

        class GitHubClient : ApiClient
        {
            public GitHubClient() : base({|TP0002:"{{GitHub}}"|}) { }
        }

        {{Helpers}}
        """, $$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using TokenPolicy.Credentials;

        class GitHubClient : ApiClient
        {
            public GitHubClient() : base(CredentialTokenResolver.Default.Resolve().Value) { }
        }

        {{Helpers}}
        """);

    [Fact]
    public Task Arguments_the_helper_also_uses_otherwise_have_no_fix() => Verify.VerifyNoFixAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;

        static class Logged
        {
            public static void Use(HttpRequestMessage request, string token)
            {
                System.Console.WriteLine(token.Length);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        class Remembered
        {
            private readonly string _token;
            public Remembered(string token) { _token = token; Last = token; }
            public static string? Last { get; private set; }
            public AuthenticationHeaderValue Header() => new AuthenticationHeaderValue("Bearer", _token);
        }

        class Use
        {
            void M(HttpRequestMessage request) => Logged.Use(request, {|TP0002:"{{GitHub}}"|});
            Remembered R() => new Remembered({|TP0002:"{{GitHub}}"|});
        }
        """);

    [Fact]
    public Task WebHeaderCollection_entries_become_the_header_string_form() => Verify.VerifyAsync($$"""
        using System.Net;

        class C
        {
            void M(WebHeaderCollection headers, WebClient client)
            {
                headers.Add("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                headers.Set("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                client.Headers["Authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
            }
        }
        """, """
        using System.Net;
        using TokenPolicy.Credentials;

        class C
        {
            void M(WebHeaderCollection headers, WebClient client)
            {
                headers.Add("Authorization", CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString());
                headers.Set("Authorization", CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString());
                client.Headers["Authorization"] = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString();
            }
        }
        """);
}
