namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>Credential requests authenticated through the resolver, the caller-or-OIDC handler or CredentialClient are not reported.</summary>
public class SanctionedTests
{
    [Fact]
    public Task Header_from_the_resolver() => Verify.VerifyAsync("""
        class Fetcher(ICredentialTokenResolver resolver, HttpClient http)
        {
            async Task<HttpResponseMessage> AwaitedAsync(string id, CancellationToken ct)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = (await resolver.ResolveAsync(ct)).ToAuthorizationHeader();
                return await http.SendAsync(request, ct);
            }

            Task<string> DefaultAsync(string id)
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Authorization = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader();
                return client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
            }

            async Task<string> ValueAsync(string id, CancellationToken ct)
            {
                var token = await resolver.ResolveAsync(ct);
                var client = new HttpClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(token.Scheme, token.Value);
                return await client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
            }
        }
        """);

    [Fact]
    public Task Clients_with_the_caller_or_oidc_handler() => Verify.VerifyAsync("""
        static class Startup
        {
            public static void Configure(IServiceCollection services, IConfiguration configuration)
            {
                services.AddTokenPolicyCredentials(configuration);
                services.AddHttpClient("credentials", c => c.BaseAddress = new Uri("http://backend.svc/")).AddCallerOrOidcAuthorization();
                services.AddHttpClient<TypedFetcher>().AddCallerOrOidcAuthorization();
                services.AddHttpClient("handler").AddHttpMessageHandler<CallerOrOidcAuthorizationHandler>();
            }
        }

        class TypedFetcher(HttpClient http)
        {
            public Task<string> FetchAsync(string id) => http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
        }

        class Fetcher(IHttpClientFactory factory)
        {
            Task<string> NamedAsync(string id) => factory.CreateClient("credentials").GetStringAsync($"api/ambient/v1/credentials/{id}/token");

            Task<string> HandlerAsync(string id) => factory.CreateClient("handler").GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
        }
        """);

    [Fact]
    public Task CredentialClient_is_the_sanctioned_fetch() => Verify.VerifyAsync("""
        class Fetcher(CredentialClient credentials)
        {
            async Task<string?> FetchAsync(CancellationToken ct)
            {
                var result = await credentials.GetAsync("github", ct);
                return result.IsSuccess ? result.Credential!.Token : null;
            }
        }
        """);

    [Fact]
    public Task CredentialClient_GetByIdAsync_is_the_sanctioned_fetch_by_id() => Verify.VerifyAsync("""
        class Fetcher(CredentialClient credentials, HttpClient http)
        {
            async Task<string> FetchAsync(string credentialId, CancellationToken ct)
            {
                var result = await credentials.GetByIdAsync(credentialId, ct);
                return result.Credential?.Token ?? string.Empty;
            }

            // The same request by hand, beside it, is still reported.
            Task<string> ByHandAsync(string credentialId) => {|#0:new HttpClient().GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{credentialId}/token")|};
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));
}
