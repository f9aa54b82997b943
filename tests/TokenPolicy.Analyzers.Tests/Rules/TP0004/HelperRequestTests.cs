namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>A request made in a helper whose URL comes from its parameters: judged in the helper, reported at the call that passes the credential URL.</summary>
public class HelperRequestTests
{
    [Fact]
    public Task Call_into_a_fetching_helper_is_reported_where_the_url_is_chosen() => Verify.VerifyAsync("""
        class Fetcher
        {
            private static readonly string Backend = Environment.GetEnvironmentVariable("BACKEND_API_URL") ?? "http://backend.svc";
            private readonly HttpClient _http = new HttpClient();

            public Fetcher() => _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));

            private Task<string> GetAsync(string url) => _http.GetStringAsync(url);

            private async Task<string> SendAsync(string path)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Backend + path);
                using var response = await _http.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }

            Task<string> CredentialAsync(string id) => {|#0:GetAsync($"{Backend}/api/ambient/v1/credentials/{id}/token")|};

            Task<string> ProjectAsync(string project, string id) => {|#1:SendAsync($"/api/ambient/v1/projects/{project}/credentials/{id}/token")|};

            Task<string> SessionAsync(string id) => GetAsync($"{Backend}/api/ambient/v1/sessions/{id}");
        }
        """,
        Verify.At(0, "GetAsync (via HttpClient.GetStringAsync)", Verify.Flat, Verify.FromEnv("K8S_TOKEN")),
        Verify.At(1, "SendAsync (via HttpClient.SendAsync)", Verify.Project, Verify.FromEnv("K8S_TOKEN")));

    [Fact]
    public Task Helper_authenticated_by_the_resolver_is_not_reported() => Verify.VerifyAsync("""
        class Fetcher(ICredentialTokenResolver resolver)
        {
            private readonly HttpClient _http = new HttpClient();

            private async Task<string> GetAsync(string url, CancellationToken ct)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = (await resolver.ResolveAsync(ct)).ToAuthorizationHeader();
                using var response = await _http.SendAsync(request, ct);
                return await response.Content.ReadAsStringAsync(ct);
            }

            Task<string> CredentialAsync(string id, CancellationToken ct) => GetAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token", ct);
        }
        """);
}
