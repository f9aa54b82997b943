namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>TP0004 names the token's source: environment variable, configuration key, file, static field, none, unfollowed.</summary>
public class SourceTests
{
    [Fact]
    public Task Environment_variable_in_default_headers() => Verify.VerifyAsync("""
        class Fetcher
        {
            async Task<string> FetchAsync(string id)
            {
                var backend = Environment.GetEnvironmentVariable("BACKEND_API_URL");
                using var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return await {|#0:http.GetStringAsync($"{backend}/api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.FromEnv("K8S_TOKEN")));

    [Fact]
    public Task Configuration_key_on_a_request_message() => Verify.VerifyAsync("""
        class Fetcher(IConfiguration configuration, HttpClient http)
        {
            async Task<HttpResponseMessage> FetchAsync(string id, CancellationToken ct)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, configuration["Backend:Url"] + "/api/ambient/v1/credentials/" + id + "/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", configuration["Backend:Token"]);
                return await {|#0:http.SendAsync(request, ct)|};
            }

            async Task<HttpResponseMessage> SectionAsync(string id, CancellationToken ct)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://backend.svc/api/ambient/v1/credentials/{id}/token")
                {
                    Headers = { Authorization = new AuthenticationHeaderValue("Bearer", configuration.GetSection("Runner")["Token"]) },
                };
                return await {|#1:http.SendAsync(request, ct)|};
            }
        }
        """,
        Verify.At(0, "HttpClient.SendAsync", Verify.Flat, "an Authorization value from configuration key 'Backend:Token'"),
        Verify.At(1, "HttpClient.SendAsync", Verify.Flat, "an Authorization value from configuration key 'Runner:Token'"));

    [Fact]
    public Task Configuration_section_value_and_GetValue() => Verify.VerifyAsync("""
        class Fetcher(IConfiguration configuration)
        {
            Task<string> SectionValueAsync(string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", configuration.GetSection("Backend:Token").Value);
                return {|#0:http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }

            Task<string> GetValueAsync(string id)
            {
                var http = new HttpClient();
                var token = configuration.GetValue<string>("Runner:BotToken");
                http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");
                return {|#1:http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """,
        Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, "an Authorization value from configuration key 'Backend:Token'"),
        Verify.At(1, "HttpClient.GetStringAsync", Verify.Flat, "an Authorization value from configuration key 'Runner:BotToken'"));

    [Fact]
    public Task File_that_is_not_the_service_account_token() => Verify.VerifyAsync("""
        class Fetcher
        {
            private const string TokenFile = "/etc/runner/token";

            async Task<string> FetchAsync(HttpClient http, string id)
            {
                var token = File.ReadAllText(TokenFile).Trim();
                using var request = new HttpRequestMessage(HttpMethod.Get, "http://backend.svc/api/ambient/v1/credentials/" + id + "/token");
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                var response = await {|#0:http.SendAsync(request)|};
                return await response.Content.ReadAsStringAsync();
            }
        }
        """, Verify.At(0, "HttpClient.SendAsync", Verify.Flat, "an Authorization value from file '/etc/runner/token'"));

    [Fact]
    public Task Static_field_filled_at_start_up() => Verify.VerifyAsync(new[]
    {
        """
        static class RunnerState
        {
            public static string? Token;
        }

        class Fetcher
        {
            private static readonly HttpClient Http = new() { BaseAddress = new Uri("http://backend.svc/") };

            Task<string> FetchAsync(string id)
            {
                Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunnerState.Token);
                return {|#0:Http.GetStringAsync($"api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """,
        """
        static class Program
        {
            static void Main() => RunnerState.Token = Environment.GetEnvironmentVariable("RUNNER_TOKEN");
        }
        """,
    }, null, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.FromEnv("RUNNER_TOKEN")));

    [Fact]
    public Task No_authorization_header_at_all() => Verify.VerifyAsync("""
        record Credential(string Token);

        class Fetcher
        {
            private readonly HttpClient _http = new HttpClient();

            Task<Credential?> FetchAsync(string project, string id)
                => {|#0:_http.GetFromJsonAsync<Credential>($"http://backend.svc/api/ambient/v1/projects/{project}/credentials/{id}/token")|};
        }
        """, Verify.At(0, "HttpClient.GetFromJsonAsync", Verify.Project, Verify.NoHeader));

    [Fact]
    public Task A_value_the_analysis_cannot_follow() => Verify.VerifyAsync("""
        class Fetcher
        {
            Task<string> FetchAsync(string token, string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
                return {|#0:http.GetStringAsync("http://backend.svc/api/ambient/v1/credentials/" + id + "/token")|};
            }
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.Unfollowed));

    [Fact]
    public Task Hardcoded_and_helper_returned_tokens() => Verify.VerifyAsync("""
        class Fetcher
        {
            static string ReadToken() => Environment.GetEnvironmentVariable("CI_JOB_TOKEN") ?? "";

            Task<Stream> FetchAsync(string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken());
                return {|#0:http.GetStreamAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }

            Task<byte[]> PlaceholderAsync(string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse("Bearer placeholder");
                return {|#1:http.GetByteArrayAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """,
        Verify.At(0, "HttpClient.GetStreamAsync", Verify.Flat, Verify.FromEnv("CI_JOB_TOKEN")),
        Verify.At(1, "HttpClient.GetByteArrayAsync", Verify.Flat, "an Authorization value from a hardcoded value"));
}
