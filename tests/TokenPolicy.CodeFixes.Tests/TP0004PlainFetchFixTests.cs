using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>
/// TP0004's second action: a plain fetch (the method makes the credential request once and returns the answer's token)
/// becomes <c>CredentialClient.GetByIdAsync(id, ct)</c>. Fixed code is compiled against the real client and analyzed again
/// (no TP0004 may remain); FixAll in document scope gives the same text.
/// </summary>
public class TP0004PlainFetchFixTests
{
    [Fact]
    public Task Send_with_header_parse_and_coalesce_uses_the_injected_client() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            private readonly HttpClient _http;
            private readonly CredentialClient _credentials;
            private readonly string _backend;

            public Fetcher(HttpClient http, CredentialClient credentials, string backend)
            {
                _http = http;
                _credentials = credentials;
                _backend = backend;
            }

            public async Task<string> FetchAsync(string credentialId, CancellationToken cancellationToken)
            {
                var token = Environment.GetEnvironmentVariable("K8S_TOKEN");
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{credentialId}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await {|TP0004:_http.SendAsync(request, cancellationToken)|};
                response.EnsureSuccessStatusCode();
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            private readonly HttpClient _http;
            private readonly CredentialClient _credentials;
            private readonly string _backend;

            public Fetcher(HttpClient http, CredentialClient credentials, string backend)
            {
                _http = http;
                _credentials = credentials;
                _backend = backend;
            }

            public async Task<string> FetchAsync(string credentialId, CancellationToken cancellationToken)
            {
                var result = await _credentials.GetByIdAsync(credentialId, cancellationToken);
                return result.Credential?.Token ?? string.Empty;
            }
        }
        """);

    internal static Task VerifyAsync(string source, string fixedSource, string? batchFixedSource = null, Action<TP0004FixTests.Test>? configure = null)
    {
        var test = new TP0004FixTests.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            BatchFixedCode = batchFixedSource ?? fixedSource,
            CodeActionEquivalenceKey = EquivalenceKeys.UseCredentialClient,
        };
        configure?.Invoke(test);
        return test.RunAsync(CancellationToken.None);
    }
}
