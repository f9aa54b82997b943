namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>TP0004 on cycles (helpers, handlers, fields, base addresses): bounded, no analyzer exception, the real finding still made.</summary>
public class RobustnessTests
{
    [Fact]
    public Task Cycles_are_cut_and_findings_stay() => Verify.VerifyAsync("""
        sealed class Loop : DelegatingHandler
        {
            public Loop() => InnerHandler = new Loop();
        }

        class Fetcher
        {
            private HttpClient _a = new HttpClient(new Loop { InnerHandler = new Loop() });
            private HttpClient _b;

            public Fetcher() { _b = _a; _a = _b; }

            static Uri Self(string id) => new Uri(Self(id), $"credentials/{id}/token");

            static string Token(int n) => n > 0 ? Token(n - 1) : Environment.GetEnvironmentVariable("LOOP_TOKEN")!;

            Task<string> M(string id)
            {
                _b.BaseAddress = new Uri(_b.BaseAddress!, "api/");
                return _a.GetStringAsync(Self(id));
            }

            Task<string> N(string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(3));
                return {|#0:http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """, Verify.At(0, "HttpClient.GetStringAsync", Verify.Flat, Verify.FromEnv("LOOP_TOKEN")));

    [Fact]
    public Task Compilation_without_a_credential_literal_reports_nothing() => Verify.VerifyAsync("""
        class Fetcher
        {
            Task<string> M(string id)
            {
                var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return http.GetStringAsync($"http://backend.svc/api/ambient/v1/secrets/{id}/token");
            }
        }
        """);
}
