using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// Helpers whose header name, dictionary key or scheme is a parameter: the condition is decided at each call with the
/// call's arguments, together with the token.
/// </summary>
public class DeferredConditionTests
{
    private static readonly string GitLab = TestTokens.GitLab;
    private static readonly string Jwt = TestTokens.Jwt;

    [Fact]
    public Task Scheme_passed_by_the_caller() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        public static class Auth
        {
            public static void Use(HttpClient client, string scheme, string token)
                => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
        }
        public sealed class Setup
        {
            public void Create(HttpClient client, string runtime)
            {
                Auth.Use(client, "Bearer", {|TP0002:"{{GitLab}}"|});
                Auth.Use(client, "Bearer", runtime);
                Auth.Use(client, "Digest", "{{GitLab}}");
            }
        }
        """);

    [Fact]
    public Task Header_name_passed_by_the_caller() => Verify.VerifyAsync($$"""
        using System.Net.WebSockets;
        public static class Sockets
        {
            public static void Header(ClientWebSocket socket, string name, string value) => socket.Options.SetRequestHeader(name, value);
        }
        public sealed class Setup
        {
            public void Create(ClientWebSocket socket)
            {
                Sockets.Header(socket, "Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                Sockets.Header(socket, "X-Request-Id", "{{Jwt}}");
                Sockets.Header(socket, "Accept", "application/json");
            }
        }
        """);
}
