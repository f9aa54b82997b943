namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>TP0004 URL shapes: literals, interpolation, concatenation, Uri, UriBuilder, BaseAddress plus a relative URI, helpers, options.</summary>
public class UrlShapeTests
{
    [Fact]
    public Task Uri_with_base_and_relative_and_UriBuilder() => Verify.VerifyAsync("""
        class Fetcher
        {
            private static readonly Uri Backend = new Uri("http://backend.svc/api/ambient/v1/");

            Task<string> RelativeAsync(HttpClient unused, string id)
            {
                var http = new HttpClient();
                return {|#0:http.GetStringAsync(new Uri(Backend, $"credentials/{id}/token"))|};
            }

            Task<string> BuilderAsync(string id)
            {
                var http = new HttpClient();
                var builder = new UriBuilder(Environment.GetEnvironmentVariable("BACKEND_API_URL")!) { Path = $"api/ambient/v1/credentials/{id}/token" };
                return {|#1:http.GetStringAsync(builder.Uri)|};
            }

            Task<string> SiblingAsync(string id)
            {
                // RFC 3986: without a trailing '/', "v1" is replaced: /api/ambient/credentials/... is another endpoint.
                var http = new HttpClient();
                return http.GetStringAsync(new Uri(new Uri("http://backend.svc/api/ambient/v1"), $"credentials/{id}/token"));
            }
        }
        """,
        Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader),
        Verify.At(1, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));

    [Fact]
    public Task Base_address_plus_relative_uri() => Verify.VerifyAsync("""
        class Fetcher
        {
            Task<string> OwnBaseAsync(string id)
            {
                var http = new HttpClient { BaseAddress = new Uri("http://backend.svc/api/ambient/v1/") };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("SA_TOKEN"));
                return {|#0:http.GetStringAsync($"credentials/{id}/token")|};
            }

            Task<string> AssignedBaseAsync(string id)
            {
                var http = new HttpClient();
                http.BaseAddress = new Uri(Environment.GetEnvironmentVariable("BACKEND_API_URL")!);
                return {|#1:http.GetStringAsync($"/api/ambient/v1/credentials/{id}/token")|};
            }

            Task<string> FromClientBaseAsync(string id)
            {
                var http = new HttpClient { BaseAddress = new Uri("http://backend.svc/api/ambient/v1/") };
                return {|#2:http.GetStringAsync(new Uri(http.BaseAddress, $"credentials/{id}/token"))|};
            }

            Task<string> UnknownBaseAsync(HttpClient http, string id)
                // The base is not known, so "credentials/{id}/token" alone does not tell the endpoint.
                => http.GetStringAsync($"credentials/{id}/token");
        }
        """,
        Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.FromEnv("SA_TOKEN")),
        Verify.At(1, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader),
        Verify.At(2, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));

    [Fact]
    public Task Url_built_in_a_helper() => Verify.VerifyAsync("""
        class Fetcher
        {
            private readonly string _backend = Environment.GetEnvironmentVariable("BACKEND_API_URL") ?? "http://backend.svc";

            private string CredentialUrl(string id) => $"{_backend}/api/ambient/v1/credentials/{id}/token";

            private static Uri ProjectUrl(string project, string id) => new($"http://backend.svc/api/ambient/v1/projects/{project}/credentials/{id}/token");

            private string SessionUrl(string id) => $"{_backend}/api/ambient/v1/sessions/{id}";

            Task<string> DirectAsync(string id)
            {
                var http = new HttpClient();
                return {|#0:http.GetStringAsync(CredentialUrl(id))|};
            }

            Task<string> ThroughLocalAsync(string id)
            {
                var http = new HttpClient();
                var url = CredentialUrl(id);
                return {|#1:http.GetStringAsync(url)|};
            }

            Task<string> UriHelperAsync(string project, string id)
            {
                var http = new HttpClient();
                return {|#2:http.GetStringAsync(ProjectUrl(project, id))|};
            }

            Task<string> OtherEndpointAsync(string id)
            {
                var http = new HttpClient();
                return http.GetStringAsync(SessionUrl(id));
            }
        }
        """,
        Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader),
        Verify.At(1, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader),
        Verify.At(2, "HttpClient.GetStringAsync", Verify.Project, Verify.NoHeader));

    [Fact]
    public Task Undecidable_urls_are_not_reported() => Verify.VerifyAsync("""
        class Fetcher
        {
            Task<string> ParameterAsync(string url) => new HttpClient().GetStringAsync(url);

            Task<string> PathFromCallerAsync(string path) => new HttpClient().GetStringAsync("http://backend.svc/" + path + "/credentials");

            Task<string> UnknownTailAsync(string id, string rest) => new HttpClient().GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token{rest}");

            Task<string> ElsewhereAsync(Func<string> next) => new HttpClient().GetStringAsync(next() + "/api/ambient/v1/credentials/" + next());
        }
        """);

    [Fact]
    public Task Other_endpoints_with_any_token_are_not_reported() => Verify.VerifyAsync("""
        class Fetcher
        {
            async Task M(string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                await http.GetStringAsync($"http://backend.svc/api/ambient/v1/sessions/{id}");
                await http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}");
                await http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token/extra");
                await http.GetStringAsync("https://api.github.com/user");
                await http.PostAsync($"http://backend.svc/api/ambient/v1/credentials", null);
            }
        }
        """);

    [Fact]
    public Task Query_after_the_endpoint_still_matches() => Verify.VerifyAsync("""
        class Fetcher
        {
            Task<string> M(string id) => {|#0:new HttpClient().GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token?refresh=true")|};
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));

    [Fact]
    public Task Configured_endpoints_are_matched_too() => Verify.VerifyAsync(new[]
    {
        """
        class Fetcher
        {
            Task<string> M(string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("VAULT_TOKEN"));
                return {|#0:http.GetStringAsync($"http://vault.svc/v1/secrets/{id}/lease")|};
            }

            Task<string> Default(string id) => {|#1:new HttpClient().GetStringAsync($"http://b.svc/api/ambient/v1/credentials/{id}/token")|};
        }
        """,
    }, "tokenpolicy.credential_endpoints = {base}/v1/secrets/{id}/lease, {a}/{b}, {unclosed\n",
        Verify.At(0, "HttpClient.GetStringAsync", "{base}/v1/secrets/{id}/lease", Verify.FromEnv("VAULT_TOKEN")),
        Verify.At(1, "HttpClient.GetStringAsync", Verify.Flat, Verify.NoHeader));
}
