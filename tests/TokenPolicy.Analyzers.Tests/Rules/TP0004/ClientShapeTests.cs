namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>TP0004 request shapes: factory clients (named, typed), registrations, DelegatingHandlers, request messages.</summary>
public class ClientShapeTests
{
    [Fact]
    public Task Named_client_configured_in_its_registration() => Verify.VerifyAsync("""
        static class Startup
        {
            public static void Configure(IServiceCollection services, IConfiguration configuration)
            {
                services.AddHttpClient("credentials", c =>
                {
                    c.BaseAddress = new Uri("http://backend.svc/");
                    c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", configuration["Backend:Token"]);
                });
                services.AddHttpClient("plain");
            }
        }

        class Fetcher(IHttpClientFactory factory)
        {
            Task<string> FetchAsync(string id)
                => {|#0:factory.CreateClient("credentials").GetStringAsync($"api/ambient/v1/credentials/{id}/token")|};

            Task<string> PlainAsync(string id)
            {
                var http = factory.CreateClient("plain");
                return {|#1:http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }

            // No registration of this name is seen: the client may be authenticated where the analysis does not look.
            Task<string> UnregisteredAsync(string id)
                => factory.CreateClient("elsewhere").GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
        }
        """,
        Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, "an Authorization value from configuration key 'Backend:Token'"),
        Verify.At(1, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));

    [Fact]
    public Task Typed_client_with_base_address_from_its_registration() => Verify.VerifyAsync("""
        static class Startup
        {
            public static void Configure(IServiceCollection services)
                => services.AddHttpClient<CredentialFetcher>(c => c.BaseAddress = new Uri("http://backend.svc/api/ambient/v1/"));
        }

        class CredentialFetcher
        {
            private readonly HttpClient _http;

            public CredentialFetcher(HttpClient http) => _http = http;

            public Task<string> FetchAsync(string id) => {|#0:_http.GetStringAsync($"credentials/{id}/token")|};
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));

    [Fact]
    public Task DelegatingHandler_that_sets_the_header() => Verify.VerifyAsync("""
        sealed class EnvTokenHandler : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("BOT_TOKEN_OVERRIDE"));
                return base.SendAsync(request, cancellationToken);
            }
        }

        interface ICredentialsApi
        {
            Task<string> FetchAsync(string id);
        }

        sealed class CredentialsApi(HttpClient http) : ICredentialsApi
        {
            public Task<string> FetchAsync(string id) => {|#1:http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
        }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
                => services.AddHttpClient<ICredentialsApi, CredentialsApi>().AddHttpMessageHandler<EnvTokenHandler>();
        }

        class Fetcher
        {
            Task<string> FetchAsync(string id)
            {
                var http = new HttpClient(new EnvTokenHandler { InnerHandler = new HttpClientHandler() });
                return {|#0:http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """,
        Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.FromEnv("BOT_TOKEN_OVERRIDE")),
        Verify.At(1, "HttpClient.GetStringAsync", Verify.Flat, Verify.FromEnv("BOT_TOKEN_OVERRIDE")));

    [Fact]
    public Task Handler_factory_lambda_and_ConfigureHttpClient_in_the_chain() => Verify.VerifyAsync("""
        sealed class FileTokenHandler : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await File.ReadAllTextAsync("/etc/runner/token", cancellationToken));
                return await base.SendAsync(request, cancellationToken);
            }
        }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddHttpClient("lambda").AddHttpMessageHandler(() => new FileTokenHandler());
                services.AddHttpClient("configured")
                    .ConfigureHttpClient(c => c.BaseAddress = new Uri("http://backend.svc/api/ambient/v1/"))
                    .AddCallerOrOidcAuthorization();
            }
        }

        class Fetcher(IHttpClientFactory factory)
        {
            Task<string> LambdaAsync(string id) => {|#0:factory.CreateClient("lambda").GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};

            Task<string> ConfiguredAsync(string id) => factory.CreateClient("configured").GetStringAsync($"credentials/{id}/token");
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, "an Authorization value from file '/etc/runner/token'"));

    [Fact]
    public Task Handlers_and_registration_calls_that_may_set_the_header_are_not_guessed() => Verify.VerifyAsync("""
        static class TokenHandlerExtensions
        {
            // Stands for a library's token handler registration (it may set Authorization).
            public static IHttpClientBuilder AddMyTokenHandler(this IHttpClientBuilder builder) => builder;
        }

        static class Startup
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddHttpClient("library-handler").AddHttpMessageHandler<Microsoft.Extensions.Http.Logging.LoggingHttpMessageHandler>();
                services.AddHttpClient("token-extension").AddMyTokenHandler();
                services.AddHttpClient("resilient").AddStandardResilienceHandler();
            }
        }

        class Fetcher(IHttpClientFactory factory)
        {
            Task<string> LibraryHandlerAsync(string id) => factory.CreateClient("library-handler").GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");

            Task<string> ExtensionAsync(string id) => factory.CreateClient("token-extension").GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");

            Task<string> HandlerFromCallerAsync(HttpMessageHandler handler, string id) => new HttpClient(handler).GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");

            // Resilience handlers never set the header: still no Authorization at all.
            Task<string> ResilientAsync(string id) => {|#0:factory.CreateClient("resilient").GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));

    [Fact]
    public Task Request_message_with_uri_set_later() => Verify.VerifyAsync("""
        class Fetcher
        {
            Task<HttpResponseMessage> FetchAsync(HttpClient http, string id)
            {
                var request = new HttpRequestMessage { Method = HttpMethod.Get };
                request.RequestUri = new Uri($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return {|#0:http.SendAsync(request)|};
            }

            // The request comes from the caller, its header is not seen: not reported.
            Task<HttpResponseMessage> ForwardAsync(HttpClient http, HttpRequestMessage request) => http.SendAsync(request);
        }
        """, Verify.At(0, "HttpClient.SendAsync", Verify.Flat, Verify.FromEnv("K8S_TOKEN")));

    [Fact]
    public Task Client_of_unknown_origin_without_a_header_is_not_reported() => Verify.VerifyAsync("""
        class Fetcher(HttpClient injected)
        {
            Task<string> FetchAsync(HttpClient http, string id) => http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");

            // An injected client without a registration in this compilation: unknown, not reported.
            Task<string> InjectedAsync(string id) => injected.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");

            // Handed to a method (or exposed to other types), its headers may be set out of sight: not reported.
            public HttpClient Shared { get; } = new HttpClient();

            static void Authenticate(HttpClient client) { }

            Task<string> HandedOnAsync(string id)
            {
                var http = new HttpClient();
                Authenticate(http);
                return http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
            }

            Task<string> SharedAsync(string id) => Shared.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");

            // ... but a header set on it here is seen.
            Task<string> WithHeaderAsync(HttpClient http, string id)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return {|#0:http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.FromEnv("K8S_TOKEN")));
}
