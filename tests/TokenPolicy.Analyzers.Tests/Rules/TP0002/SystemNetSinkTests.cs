using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// TP0002 at the System.Net sinks written by hand: <c>WebClient.Headers</c> / <c>HttpWebRequest.Headers</c>
/// (<c>WebHeaderCollection</c>, keyed by name or by <c>HttpRequestHeader</c>, and its header-line overload),
/// <c>ClientWebSocket.Options.SetRequestHeader</c>, and headers set in nested initializers of field initializers.
/// </summary>
public class SystemNetSinkTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    [Fact]
    public Task Enum_keyed_authorization_header_is_reported() => Verify.VerifyAsync($$"""
        #pragma warning disable SYSLIB0014
        using System.Net;
        class C
        {
            const string Token = "{{GitHub}}";
            void M(WebClient client, HttpWebRequest request)
            {
                client.Headers[HttpRequestHeader.Authorization] = {|TP0002:"Bearer {{Jwt}}"|};
                client.Headers.Add(HttpRequestHeader.Authorization, {|TP0002:"token " + Token|});
                request.Headers.Set(HttpRequestHeader.Authorization, {|TP0002:"Bearer {{Jwt}}"|});
                request.Headers[HttpRequestHeader.Authorization] = {|TP0002:$"Bearer {Token}"|};
            }
        }
        """);

    [Fact]
    public Task Other_enum_keyed_headers_and_proxy_credentials_are_not_reported() => Verify.VerifyAsync($$"""
        #pragma warning disable SYSLIB0014
        using System;
        using System.Net;
        class C
        {
            void M(WebClient client, WebHeaderCollection headers, string token)
            {
                client.Headers[HttpRequestHeader.UserAgent] = "Bearer {{Jwt}}";
                client.Headers[HttpRequestHeader.ProxyAuthorization] = "Bearer {{Jwt}}";
                headers.Add(HttpRequestHeader.Accept, "{{Jwt}}");
                headers.Set(HttpRequestHeader.Authorization, "Bearer " + token);
                headers[HttpRequestHeader.Authorization] = "Bearer " + Environment.GetEnvironmentVariable("API_TOKEN");
                headers[HttpRequestHeader.Authorization] = "Bearer <token>";
                headers[HttpResponseHeader.WwwAuthenticate] = "Bearer {{Jwt}}";
            }
        }
        """);

    [Fact]
    public Task String_keyed_web_headers_are_reported() => Verify.VerifyAsync($$"""
        #pragma warning disable SYSLIB0014
        using System.Net;
        class C
        {
            void M(string url)
            {
                var request = (HttpWebRequest)WebRequest.Create(url);
                request.Headers.Add("Authorization", {|TP0002:"token {{GitHub}}"|});
                request.Headers["authorization"] = {|TP0002:"Bearer {{Jwt}}"|};
                using var client = new WebClient();
                client.Headers.Set("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                client.Headers.Add("Accept", "application/json");
                client.Headers.Add("X-Request-Id", "{{TestTokens.HighEntropy}}");
            }
        }
        """);

    [Fact]
    public Task Header_line_overload_is_reported() => Verify.VerifyAsync($$"""
        #pragma warning disable SYSLIB0014
        using System.Net;
        class C
        {
            const string Line = "Authorization: Bearer {{Jwt}}";
            void M(WebClient client, string token)
            {
                client.Headers.Add({|TP0002:"Authorization: token {{GitHub}}"|});
                client.Headers.Add({|TP0002:Line|});
                client.Headers.Add(header: {|TP0002:"authorization:Bearer {{Jwt}}"|});
                client.Headers.Add("Accept: {{Jwt}}");
                client.Headers.Add("X-Request-Id: {{TestTokens.HighEntropy}}");
                client.Headers.Add("Authorization: Bearer " + token);
                client.Headers.Add("Authorization: Bearer <token>");
            }
        }
        """);

    [Fact]
    public Task Web_socket_request_header_is_reported() => Verify.VerifyAsync($$"""
        using System;
        using System.Net.WebSockets;
        class C
        {
            void M(ClientWebSocket socket)
            {
                socket.Options.SetRequestHeader("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                socket.Options.SetRequestHeader(headerValue: {|TP0002:"Bot {{TestTokens.DiscordBot}}"|}, headerName: "authorization");
                socket.Options.SetRequestHeader("X-Request-Id", "{{TestTokens.HighEntropy}}");
                socket.Options.SetRequestHeader("Authorization", "Bearer " + Environment.GetEnvironmentVariable("TOKEN"));
            }
        }
        """);

    [Fact]
    public Task Nested_initializers_in_field_initializers_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            static readonly HttpClient Client = new HttpClient
            {
                DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"{{Jwt}}"|}) },
            };

            static readonly HttpClient Other = new()
            {
                DefaultRequestHeaders = { { "Authorization", {|TP0002:"token {{GitHub}}"|} }, { "Accept", "application/json" } },
            };

            readonly HttpRequestMessage _request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.org")
            {
                Headers = { { "Authorization", {|TP0002:"Bearer {{Jwt}}"|} }, { "X-Request-Id", "{{TestTokens.HighEntropy}}" } },
            };

            static HttpClient Property { get; } = new HttpClient
            {
                DefaultRequestHeaders = { Authorization = AuthenticationHeaderValue.Parse({|TP0002:"Bearer {{Jwt}}"|}) },
            };
        }
        """);
}
