using Microsoft.CodeAnalysis;
using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.HardcodedBearerTokenAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// TP0002 at client libraries' authentication members: RestSharp (compiled against the real package, so the sink
/// table's parameter names are RestSharp's own), IdentityModel and Flurl.Http (small stand-ins with the real
/// namespaces, type names and parameter names, as in <see cref="ThirdPartySinkTests"/>).
/// </summary>
public class LibrarySinkTests
{
    private static readonly string Jwt = TestTokens.Jwt;
    private static readonly string GitHub = TestTokens.GitHub;

    private const string IdentityModel = """
        namespace IdentityModel.Client
        {
            public static class AuthorizationHeaderExtensions
            {
                public static void SetBasicAuthentication(this System.Net.Http.HttpClient client, string userName, string password) { }
                public static void SetBearerToken(this System.Net.Http.HttpClient client, string token) { }
                public static void SetBearerToken(this System.Net.Http.HttpRequestMessage request, string token) { }
                public static void SetToken(this System.Net.Http.HttpClient client, string scheme, string token) { }
            }
        }
        """;

    private const string Flurl = """
        namespace Flurl.Http
        {
            public interface IFlurlRequest { }
            public static class HeaderExtensions
            {
                public static T WithHeader<T>(this T obj, string name, object value) => obj;
                public static T WithOAuthBearerToken<T>(this T obj, string token) => obj;
                public static T WithBasicAuth<T>(this T obj, string username, string password) => obj;
            }
            public static class GeneratedExtensions
            {
                public static IFlurlRequest WithHeader(this string url, string name, object value) => null!;
                public static IFlurlRequest WithOAuthBearerToken(this string url, string token) => null!;
            }
        }
        """;

    private const string ApiKeys = """
        namespace Azure
        {
            public class AzureKeyCredential { public AzureKeyCredential(string key) { } public void Update(string key) { } }
            public class AzureNamedKeyCredential { public AzureNamedKeyCredential(string name, string key) { } }
        }
        namespace Azure.Core
        {
            public struct AccessToken { public AccessToken(string accessToken, System.DateTimeOffset expiresOn) { } }
        }
        namespace System.ClientModel
        {
            public class ApiKeyCredential { public ApiKeyCredential(string key) { } }
        }
        namespace OpenAI
        {
            public class OpenAIClient { public OpenAIClient(string apiKey) { } public OpenAIClient(System.ClientModel.ApiKeyCredential credential) { } }
        }
        namespace OpenAI.Chat
        {
            public class ChatClient { public ChatClient(string model, string apiKey) { } }
        }
        """;

    private const string VendorClients = """
        namespace SendGrid
        {
            public class SendGridClient { public SendGridClient(string apiKey, string host = null, System.Collections.Generic.Dictionary<string, string> requestHeaders = null, string version = null, string urlPath = null) { } }
            public class SendGridClientOptions { public string ApiKey { get; set; } }
        }
        namespace Stripe
        {
            public static class StripeConfiguration { public static string ApiKey { get; set; } }
            public class StripeClient { public StripeClient(string apiKey = null, string clientId = null) { } }
        }
        namespace Telegram.Bot
        {
            public class TelegramBotClient { public TelegramBotClient(string token, System.Net.Http.HttpClient httpClient = null) { } }
        }
        """;

    private static readonly string Telegram = TestTokens.Random("0123456789", 9, 110) + ":" + TestTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 35, 111);

    private static Task VerifyWithRestSharpAsync(string source)
    {
        var test = new AnalyzerVerifier<Analyzers.Rules.HardcodedBearerTokenAnalyzer>.Test();
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "references", "net8.0", "RestSharp.dll")));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task RestSharp_authenticators_are_reported() => VerifyWithRestSharpAsync($$"""
        using RestSharp;
        using RestSharp.Authenticators;
        using RestSharp.Authenticators.OAuth2;
        class C
        {
            const string Token = "{{Jwt}}";
            RestClient A() => new RestClient(new RestClientOptions("https://api.example.org") { Authenticator = new JwtAuthenticator({|TP0002:Token|}) });
            IAuthenticator B() => new OAuth2AuthorizationRequestHeaderAuthenticator({|TP0002:"{{GitHub}}"|}, "Bearer");
            IAuthenticator D() => new OAuth2UriQueryParameterAuthenticator(accessToken: {|TP0002:"{{Jwt}}"|});
            IAuthenticator E() => new HttpBasicAuthenticator("x-access-token", {|TP0002:"{{GitHub}}"|});
        }
        """);

    [Fact]
    public Task RestSharp_authenticators_without_a_token_are_not_reported() => VerifyWithRestSharpAsync($$"""
        using System;
        using RestSharp.Authenticators;
        class C
        {
            IAuthenticator A() => new JwtAuthenticator(Environment.GetEnvironmentVariable("API_TOKEN")!);
            IAuthenticator B(string token) => new JwtAuthenticator(token);
            IAuthenticator D() => new JwtAuthenticator("<your-token>");
            IAuthenticator E() => new HttpBasicAuthenticator("admin", "S3cr3tPassw0rd2024");
            IAuthenticator F() => new HttpBasicAuthenticator("{{GitHub}}", "changeme");
        }
        """);

    [Fact]
    public Task RestSharp_headers_are_reported() => VerifyWithRestSharpAsync($$"""
        using RestSharp;
        class C
        {
            void M(RestClient client, RestRequest request)
            {
                request.AddHeader("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                request.AddOrUpdateHeader("authorization", {|TP0002:"token {{GitHub}}"|});
                request.AddHeader(value: {|TP0002:"Bearer {{Jwt}}"|}, name: "Authorization");
                client.AddDefaultHeader("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                RestRequestExtensions.AddHeader(request, "Authorization", {|TP0002:"Bearer {{Jwt}}"|});
            }
        }
        """);

    [Fact]
    public Task RestSharp_header_parameters_are_reported() => VerifyWithRestSharpAsync($$"""
        using RestSharp;
        class C
        {
            const string Token = "{{GitHub}}";
            void M(RestRequest request, string token)
            {
                request.AddParameter("Authorization", {|TP0002:"Bearer {{Jwt}}"|}, ParameterType.HttpHeader);
                request.AddParameter("authorization", {|TP0002:"token " + Token|}, type: ParameterType.HttpHeader);
                request.AddParameter("Authorization", "Bearer {{Jwt}}", ParameterType.GetOrPost);
                request.AddParameter("Authorization", "Bearer {{Jwt}}");
                request.AddParameter("X-Request-Id", "{{TestTokens.HighEntropy}}", ParameterType.HttpHeader);
                request.AddParameter("Authorization", "Bearer " + token, ParameterType.HttpHeader);
            }
        }
        """);

    [Fact]
    public Task RestSharp_other_headers_and_runtime_values_are_not_reported() => VerifyWithRestSharpAsync($$"""
        using RestSharp;
        class C
        {
            void M(RestClient client, RestRequest request, string token)
            {
                request.AddHeader("Accept", "{{Jwt}}");
                request.AddHeader("X-Request-Id", "{{TestTokens.HighEntropy}}");
                request.AddHeader("Authorization", "Bearer " + token);
                client.AddDefaultHeader("User-Agent", "Bearer {{Jwt}}");
                client.AddDefaultHeader("Authorization", "Bearer {token}");
            }
        }
        """);

    [Fact]
    public Task A_helper_that_reaches_an_authenticator_is_reported_at_the_call() => VerifyWithRestSharpAsync($$"""
        using RestSharp;
        using RestSharp.Authenticators;
        class Api
        {
            public static RestClient Create(string token)
                => new RestClient(new RestClientOptions("https://api.example.org") { Authenticator = new JwtAuthenticator(token) });

            public static void Authorize(RestRequest request, string token) => request.AddHeader("Authorization", "Bearer " + token);
        }
        class C
        {
            RestClient A() => Api.Create({|TP0002:"{{Jwt}}"|});
            void B(RestRequest request) => Api.Authorize(request, {|TP0002:"{{GitHub}}"|});
            RestClient D(string token) => Api.Create(token);
        }
        """);

    [Fact]
    public Task IdentityModel_extensions_are_reported() => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using IdentityModel.Client;
        class C
        {
            void M(HttpClient client, HttpRequestMessage request, string token)
            {
                client.SetBearerToken({|TP0002:"{{Jwt}}"|});
                request.SetBearerToken({|TP0002:"{{GitHub}}"|});
                client.SetToken("Bearer", {|TP0002:"{{Jwt}}"|});
                client.SetBasicAuthentication("bot", {|TP0002:"{{GitHub}}"|});
                client.SetBearerToken(token);
                client.SetToken("Digest", "{{Jwt}}");
                client.SetBasicAuthentication("client", "secret");
            }
        }
        {{IdentityModel}}
        """);

    [Fact]
    public Task Flurl_extensions_are_reported() => Verify.VerifyAsync($$"""
        using Flurl.Http;
        class C
        {
            void M(IFlurlRequest request, string token)
            {
                request.WithOAuthBearerToken({|TP0002:"{{Jwt}}"|});
                "https://api.example.org".WithOAuthBearerToken({|TP0002:"{{GitHub}}"|});
                request.WithHeader("Authorization", {|TP0002:"Bearer {{Jwt}}"|});
                "https://api.example.org".WithHeader("Authorization", {|TP0002:"token {{GitHub}}"|});
                request.WithBasicAuth("x-access-token", {|TP0002:"{{GitHub}}"|});
                request.WithHeader("Accept", "{{Jwt}}");
                request.WithOAuthBearerToken(token);
                request.WithBasicAuth("user", "password1234");
            }
        }
        {{Flurl}}
        """);

    [Fact]
    public Task Api_key_credentials_are_reported() => Verify.VerifyAsync($$"""
        using System;
        using System.ClientModel;
        using Azure;
        using Azure.Core;
        using OpenAI;
        using OpenAI.Chat;
        class C
        {
            const string Key = "{{TestTokens.Random("0123456789abcdef", 32, 90)}}";
            void M(AzureKeyCredential credential)
            {
                var a = new AzureKeyCredential({|TP0002:Key|});
                credential.Update({|TP0002:"{{TestTokens.HighEntropy}}"|});
                var b = new AzureNamedKeyCredential("account", {|TP0002:"{{TestTokens.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 86, 91)}}=="|});
                var d = new AccessToken({|TP0002:"{{Jwt}}"|}, DateTimeOffset.MaxValue);
                var e = new OpenAIClient({|TP0002:"sk-{{TestTokens.RandomAlphanumeric(48, 92)}}"|});
                var f = new OpenAIClient(new ApiKeyCredential({|TP0002:"sk-{{TestTokens.RandomAlphanumeric(48, 93)}}"|}));
                var g = new ChatClient("gpt-4o", {|TP0002:"sk-{{TestTokens.RandomAlphanumeric(48, 94)}}"|});
            }
        }
        {{ApiKeys}}
        """);

    [Fact]
    public Task Api_key_credentials_from_the_environment_or_placeholders_are_not_reported() => Verify.VerifyAsync($$"""
        using System;
        using Azure;
        using OpenAI.Chat;
        class C
        {
            void M(string key)
            {
                var a = new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_KEY")!);
                var b = new AzureKeyCredential(key);
                var d = new AzureKeyCredential("<your-key>");
                var e = new ChatClient("{{TestTokens.HighEntropy}}", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                var f = new AzureNamedKeyCredential("{{TestTokens.HighEntropy}}", key);
            }
        }
        {{ApiKeys}}
        """);

    [Fact]
    public Task A_helper_that_creates_an_api_client_is_reported_at_the_call() => Verify.VerifyAsync($$"""
        using OpenAI.Chat;
        static class Ai
        {
            public static ChatClient Chat(string apiKey) => new ChatClient("gpt-4o", apiKey);
        }
        class C
        {
            ChatClient A() => Ai.Chat({|TP0002:"sk-{{TestTokens.RandomAlphanumeric(48, 95)}}"|});
        }
        {{ApiKeys}}
        """);

    [Fact]
    public Task Vendor_clients_with_a_literal_key_are_reported() => Verify.VerifyAsync($$"""
        using SendGrid;
        using Stripe;
        using Telegram.Bot;
        class C
        {
            const string Key = "SG.{{TestTokens.RandomAlphanumeric(22, 112)}}.{{TestTokens.RandomAlphanumeric(43, 113)}}";
            void M()
            {
                var a = new SendGridClient({|TP0002:Key|});
                var b = new SendGridClientOptions { ApiKey = {|TP0002:Key|} };
                StripeConfiguration.ApiKey = {|TP0002:"sk_live_{{TestTokens.RandomAlphanumeric(24, 114)}}"|};
                var d = new StripeClient(apiKey: {|TP0002:"sk_live_{{TestTokens.RandomAlphanumeric(24, 115)}}"|});
                var e = new TelegramBotClient({|TP0002:"{{Telegram}}"|});
            }
        }
        {{VendorClients}}
        """);

    [Fact]
    public Task Vendor_clients_with_configured_keys_are_not_reported() => Verify.VerifyAsync($$"""
        using System;
        using SendGrid;
        using Stripe;
        using Telegram.Bot;
        class C
        {
            void M(string key)
            {
                var a = new SendGridClient(Environment.GetEnvironmentVariable("SENDGRID_API_KEY")!);
                StripeConfiguration.ApiKey = key;
                var b = new StripeClient(clientId: "{{TestTokens.HighEntropy}}");
                var d = new TelegramBotClient("123456789:YOUR_BOT_TOKEN_HERE");
                var e = new SendGridClientOptions { ApiKey = "<api-key>" };
            }
        }
        {{VendorClients}}
        """);
}
