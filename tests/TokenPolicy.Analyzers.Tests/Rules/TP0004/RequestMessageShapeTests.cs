namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>The benchmark corpus's planted shapes, as unit tests: a request message built inline and sent by a private client field.</summary>
public class RequestMessageShapeTests
{
    [Fact]
    public Task Request_message_with_an_inline_UriBuilder_and_no_header() => Verify.VerifyAsync("""
        class Fetcher
        {
            private static readonly string Backend = Environment.GetEnvironmentVariable("BACKEND_API_URL") ?? "http://backend.svc";
            private readonly HttpClient _http = new();

            public async Task<string> FetchAsync(string id, CancellationToken cancellationToken)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(Backend) { Path = $"api/ambient/v1/credentials/{id}/token" }.Uri);
                using var response = await {|#0:_http.SendAsync(request, cancellationToken)|}.ConfigureAwait(false);
                return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        """,
        Verify.At(0, "HttpClient.SendAsync", Verify.Flat, Verify.NoHeader));
}
