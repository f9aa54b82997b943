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

    [Fact]
    public Task Without_a_client_in_scope_one_is_injected_through_the_constructor() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        class Fetcher
        {
            private readonly HttpClient _http;

            public Fetcher(HttpClient http)
            {
                _http = http;
            }

            public async Task<string> FetchAsync(string credentialId, CancellationToken cancellationToken)
            {
                var token = (await File.ReadAllTextAsync("/etc/runner/token", cancellationToken)).Trim();
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://backend.svc/api/ambient/v1/credentials/{credentialId}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await {|TP0004:_http.SendAsync(request, cancellationToken)|}.ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                using var document = JsonDocument.Parse(json);
                return document.RootElement.GetProperty("token").GetString() ?? "";
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            private readonly HttpClient _http;
            private readonly CredentialClient _credentialClient;

            public Fetcher(HttpClient http, CredentialClient credentialClient)
            {
                _credentialClient = credentialClient;
                _http = http;
            }

            public async Task<string> FetchAsync(string credentialId, CancellationToken cancellationToken)
            {
                var result = await _credentialClient.GetByIdAsync(credentialId, cancellationToken).ConfigureAwait(false);
                return result.Credential?.Token ?? "";
            }
        }
        """);

    [Fact]
    public Task Get_string_without_any_header_is_rewritten_and_a_nullable_result_stays_nullable() => VerifyAsync("""
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher(CredentialClient credentials)
        {
            private readonly HttpClient _http = new();

            public async Task<string?> FetchAsync(string id)
                => JsonDocument.Parse(await {|TP0004:_http.GetStringAsync("http://backend.svc/api/ambient/v1/credentials/" + id + "/token")|}).RootElement.GetProperty("token").GetString();
        }
        """, """
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher(CredentialClient credentials)
        {
            private readonly HttpClient _http = new();

            public async Task<string?> FetchAsync(string id)
            {
                var result = await credentials.GetByIdAsync(id);
                return result.Credential?.Token;
            }
        }
        """);

    [Fact]
    public Task Json_element_with_a_suppression_gets_an_empty_default_and_the_project_form_keeps_the_id() => VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        class Fetcher(string backend, string project)
        {
            private readonly HttpClient _http = new();

            public async ValueTask<string> FetchAsync(string credentialId, CancellationToken ct)
            {
                var answer = await {|TP0004:_http.GetFromJsonAsync<JsonElement>($"{backend}/api/ambient/v1/projects/{project}/credentials/{credentialId}/token", ct)|};
                return answer.GetProperty("token").GetString()!;
            }
        }
        """, """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher(string backend, string project, CredentialClient credentialClient)
        {
            private readonly HttpClient _http = new();

            public async ValueTask<string> FetchAsync(string credentialId, CancellationToken ct)
            {
                var result = await credentialClient.GetByIdAsync(credentialId, ct);
                return result.Credential?.Token ?? string.Empty;
            }
        }
        """);

    [Fact]
    public Task Dto_whose_property_maps_to_token_through_a_local_url_and_a_parameter_client() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        sealed record TokenAnswer([property: JsonPropertyName("token")] string Value, string Provider);

        static class Fetcher
        {
            public static async Task<string> FetchAsync(CredentialClient credentials, string backend, string id, CancellationToken cancellationToken)
            {
                var http = new HttpClient();
                var url = backend.TrimEnd('/') + "/api/ambient/v1/credentials/" + id + "/token";
                var answer = await {|TP0004:http.GetFromJsonAsync<TokenAnswer>(new Uri(url), cancellationToken)|};
                return answer?.Value ?? throw new InvalidOperationException("no token");
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        sealed record TokenAnswer([property: JsonPropertyName("token")] string Value, string Provider);

        static class Fetcher
        {
            public static async Task<string> FetchAsync(CredentialClient credentials, string backend, string id, CancellationToken cancellationToken)
            {
                var result = await credentials.GetByIdAsync(id, cancellationToken);
                return result.Credential?.Token ?? throw new InvalidOperationException("no token");
            }
        }
        """);

    [Fact]
    public Task Get_async_then_read_from_json_in_a_local_function() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        sealed class Answer
        {
            public string? Token { get; set; }
        }

        class Runner
        {
            private readonly CredentialClient _credentials;
            private readonly HttpClient _http = new() { BaseAddress = new Uri("http://backend.svc") };

            public Runner(CredentialClient credentials) => _credentials = credentials;

            public async Task<int> RunAsync(string id)
            {
                var token = await FetchAsync();
                return token.Length;

                async Task<string> FetchAsync()
                {
                    using var response = await {|TP0004:_http.GetAsync($"/api/ambient/v1/credentials/{id}/token")|};
                    response.EnsureSuccessStatusCode();
                    var answer = await response.Content.ReadFromJsonAsync<Answer>();
                    return answer!.Token ?? string.Empty;
                }
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        sealed class Answer
        {
            public string? Token { get; set; }
        }

        class Runner
        {
            private readonly CredentialClient _credentials;
            private readonly HttpClient _http = new() { BaseAddress = new Uri("http://backend.svc") };

            public Runner(CredentialClient credentials) => _credentials = credentials;

            public async Task<int> RunAsync(string id)
            {
                var token = await FetchAsync();
                return token.Length;

                async Task<string> FetchAsync()
                {
                    var result = await _credentials.GetByIdAsync(id);
                    return result.Credential?.Token ?? string.Empty;
                }
            }
        }
        """);

    [Fact]
    public Task Fix_all_rewrites_every_plain_fetch_of_the_document_and_injects_once() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        class Fetcher
        {
            private readonly HttpClient _http = new();

            public async Task<string> GitHubAsync(CancellationToken cancellationToken)
            {
                var json = await {|TP0004:_http.GetStringAsync("http://backend.svc/api/ambient/v1/credentials/" + "github-1" + "/token", cancellationToken)|};
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
            }

            public async Task<string?> AnyAsync(string id)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Environment.GetEnvironmentVariable("RUNNER_TOKEN"));
                using var response = await {|TP0004:_http.SendAsync(request)|};
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return document.RootElement.GetProperty("token").GetString();
            }

            public async Task<HttpResponseMessage> RawAsync(string id)
                => await {|TP0004:_http.GetAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
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
            private readonly HttpClient _http = new();
            private readonly CredentialClient _credentialClient;

            public Fetcher(CredentialClient credentialClient)
            {
                _credentialClient = credentialClient;
            }

            public async Task<string> GitHubAsync(CancellationToken cancellationToken)
            {
                var result = await _credentialClient.GetByIdAsync("github-1", cancellationToken);
                return result.Credential?.Token ?? string.Empty;
            }

            public async Task<string?> AnyAsync(string id)
            {
                var result = await _credentialClient.GetByIdAsync(id);
                return result.Credential?.Token;
            }

            public async Task<HttpResponseMessage> RawAsync(string id)
                => await {|TP0004:_http.GetAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
        }
        """, configure: test =>
        {
            // One fix at a time: the first injects, the second finds the injected field in scope.
            test.NumberOfIncrementalIterations = 2;
            test.NumberOfFixAllIterations = 1;
            test.CodeFixTestBehaviors &= ~(CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck);
        });

    [Fact]
    public Task Inline_request_message_with_a_completion_option_and_a_property_client() => VerifyAsync("""
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            private const string Base = "http://backend.svc/api/ambient/v1";
            private readonly HttpClient _http = new();

            public required CredentialClient Credentials { get; init; }

            public async Task<string> FetchAsync(string id, CancellationToken ct)
            {
                using var response = await {|TP0004:_http.SendAsync(new HttpRequestMessage(HttpMethod.Get, Base + "/credentials/" + id + "/token"), HttpCompletionOption.ResponseHeadersRead, ct)|};
                response.EnsureSuccessStatusCode();
                var text = await response.Content.ReadAsStringAsync(ct);
                var root = JsonDocument.Parse(text).RootElement;
                return root.GetProperty("token").GetString() ?? string.Empty;
            }
        }
        """, """
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            private const string Base = "http://backend.svc/api/ambient/v1";
            private readonly HttpClient _http = new();

            public required CredentialClient Credentials { get; init; }

            public async Task<string> FetchAsync(string id, CancellationToken ct)
            {
                var result = await Credentials.GetByIdAsync(id, ct);
                return result.Credential?.Token ?? string.Empty;
            }
        }
        """);

    [Fact]
    public Task A_name_result_in_scope_is_not_reused() => VerifyAsync("""
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher(CredentialClient credentials)
        {
            private readonly HttpClient _http = new();

            public async Task<string> FetchAsync(string result)
            {
                var text = await {|TP0004:_http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{result}/token")|};
                using var document = JsonDocument.Parse(text);
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
            }
        }
        """, """
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher(CredentialClient credentials)
        {
            private readonly HttpClient _http = new();

            public async Task<string> FetchAsync(string result)
            {
                var credentialResult = await credentials.GetByIdAsync(result);
                return credentialResult.Credential?.Token ?? string.Empty;
            }
        }
        """);

    /// <summary>Shapes where the rewrite would change what the code means: only the header fix (when there is a header) is offered.</summary>
    public static readonly TheoryData<string, bool, string> NotPlainFetches = new()
    {
        {
            // The incident sample's FetchAsync: a 401 branch that retries elsewhere cannot be kept.
            "status-code branch", true, """
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                using var response = await _http.SendAsync(request, ct);
                if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                {
                    return "";
                }

                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            // The sample's FetchWithFallbackAsync: the whole body is returned, not the token.
            "whole body", true, """
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                using var response = await _http.SendAsync(request, ct);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(ct);
            """
        },
        {
            "another consumer of the response", true, """
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                using var response = await _http.SendAsync(request, ct);
                LastStatus = (int)response.StatusCode;
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "another statement", true, """
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                Console.WriteLine("fetching");
                using var response = await _http.SendAsync(request, ct);
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "another header", true, """
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                request.Headers.Add("X-Trace-Id", "t-1");
                using var response = await _http.SendAsync(request, ct);
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "two requests", true, """
                var token = await _http.GetStringAsync("http://issuer.svc/token", ct);
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await _http.SendAsync(request, ct);
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "a local that feeds nothing of the request", false, """
                var attempt = Interlocked.Increment(ref _attempts);
                var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{id}/token", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "a base address that holds part of the path", false, """
                var json = await _http.GetStringAsync($"credentials/{id}/token", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "another field", false, """
                var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{id}/token", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("access_token").GetString() ?? string.Empty;
            """
        },
        {
            "a query after the path", false, """
                var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{id}/token?refresh=true", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "an id that is not a string", false, """
                var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{Guid.Empty}/token", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "an id built in the body", false, """
                var credential = id.ToLowerInvariant();
                var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{credential}/token", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "a fetch in a lambda", false, """
                Func<Task<string>> fetch = async () =>
                {
                    var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{id}/token", ct);
                    return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
                };
                return await fetch();
            """
        },
        {
            "a blocking wait", false, """
                await Task.Yield();
                var json = _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{id}/token", ct).Result;
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
            """
        },
        {
            "a try block", false, """
                try
                {
                    var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{id}/token", ct);
                    return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
                }
                catch (HttpRequestException)
                {
                    return string.Empty;
                }
            """
        },
    };

    [Theory]
    [MemberData(nameof(NotPlainFetches))]
    public async Task Not_a_plain_fetch_gets_no_credential_client_rewrite(string shape, bool hasHeader, string body)
    {
        var offered = await ActionsAsync(InFetcher(body));
        Assert.True(offered.Count > 0, shape + ": no TP0004 finding");
        Assert.All(offered, o => Assert.DoesNotContain(o.Actions, a => a.EquivalenceKey == EquivalenceKeys.UseCredentialClient));
        if (hasHeader)
        {
            Assert.Contains(offered, o => o.Actions.Any(a => a.EquivalenceKey == EquivalenceKeys.UseResolver));
        }
    }

    /// <summary>The control of the theory above: in the same class, the plain fetches get the rewrite.</summary>
    [Theory]
    [InlineData("""
                var json = await _http.GetStringAsync($"{_backend}/api/ambient/v1/credentials/{id}/token", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
        """)]
    [InlineData("""
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                using var response = await _http.SendAsync(request, ct);
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
        """)]
    [InlineData("""
                var json = await _http.GetStringAsync($"api/ambient/v1/credentials/{id}/token", ct);
                return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
        """)]
    public async Task The_same_class_with_a_plain_fetch_gets_the_rewrite(string body)
    {
        var offered = await ActionsAsync(InFetcher(body));
        Assert.Contains(Assert.Single(offered).Actions, a => a.EquivalenceKey == EquivalenceKeys.UseCredentialClient);
    }

    private static string InFetcher(string body)
    {
        return $$"""
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            class Fetcher
            {
                private readonly HttpClient _http = new() { BaseAddress = new Uri("http://backend.svc/api/ambient/v1/") };
                private readonly string _backend = "http://backend.svc";

                private int _attempts;

                public int LastStatus { get; private set; }

                public async Task<string> FetchAsync(string id, CancellationToken ct)
                {
            {{body}}
                }
            }
            """;
    }

    [Fact]
    public async Task A_static_method_without_a_client_in_scope_gets_no_rewrite_and_a_plain_fetch_is_offered_after_the_header_fix()
    {
        var offered = await ActionsAsync("""
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text.Json;
            using System.Threading.Tasks;

            class Fetcher
            {
                private static readonly HttpClient s_http = new();
                private readonly HttpClient _http = new();

                public static async Task<string> StaticAsync(string id)
                {
                    var json = await s_http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                    return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
                }

                public async Task<string> InstanceAsync(string id)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                    using var response = await _http.SendAsync(request);
                    using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
                }
            }
            """);

        Assert.Equal(2, offered.Count);
        Assert.Empty(offered[0].Actions);
        Assert.Equal(
            new[] { EquivalenceKeys.UseResolver, EquivalenceKeys.InjectResolver, EquivalenceKeys.UseCredentialClient },
            offered[1].Actions.Select(a => a.EquivalenceKey));
    }

    [Fact]
    public async Task Without_GetByIdAsync_in_the_referenced_client_nothing_is_offered()
    {
        // A project without TokenPolicy.Client: neither action (the code could not build).
        var document = Harness.CreateDocument("""
            using System.Net.Http;
            using System.Text.Json;
            using System.Threading.Tasks;

            class Fetcher
            {
                private readonly HttpClient _http = new();

                public async Task<string> FetchAsync(string id)
                {
                    var json = await _http.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                    return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString() ?? string.Empty;
                }
            }
            """, withClient: false);
        var offered = await ActionsAsync(document);
        Assert.Single(offered);
        Assert.Empty(offered[0].Actions);
    }

    [Theory]
    [InlineData("var json = await _http.GetStringAsync($\"http://backend.svc/api/ambient/v1/credentials/{id}/token\"); return JsonDocument.Parse(json).RootElement.GetProperty(\"token\").GetString(")]
    [InlineData("var json = await _http.GetStringAsync($\"http://backend.svc/api/ambient/v1/credentials/{id}/token\"); return JsonDocument.Parse(json).RootElement.GetProperty(\"token\").GetString() ?? ;")]
    [InlineData("var json = await _http.GetStringAsync($\"http://backend.svc/api/ambient/v1/credentials/{}/token\"); return JsonDocument.Parse(json).RootElement.GetProperty(\"token\").GetString()!;")]
    [InlineData("var json = await _http.GetStringAsync($\"http://backend.svc/api/ambient/v1/credentials/{id}/token\"); return Missing(json).GetProperty(\"token\").GetString()!;")]
    public async Task Half_typed_code_never_makes_the_fixer_throw(string body)
    {
        var document = Harness.CreateDocument("using System.Net.Http; using System.Text.Json; using System.Threading.Tasks; class F { private readonly HttpClient _http = new(); public async Task<string> G(string id) { " + body + " } }");
        var exception = await Record.ExceptionAsync(async () =>
        {
            foreach (var (_, actions) in await ActionsAsync(document))
            {
                foreach (var action in actions)
                {
                    await action.GetOperationsAsync(CancellationToken.None);
                }
            }
        });
        Assert.Null(exception);
    }

    private static Task<List<(Diagnostic Diagnostic, List<CodeAction> Actions)>> ActionsAsync(string source) => ActionsAsync(Harness.CreateDocument(source));

    private static async Task<List<(Diagnostic Diagnostic, List<CodeAction> Actions)>> ActionsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CredentialRequestAnalyzer())).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == "TP0004")
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
        var fixer = new CredentialRequestCodeFixProvider();
        var result = new List<(Diagnostic, List<CodeAction>)>();
        foreach (var diagnostic in diagnostics)
        {
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            result.Add((diagnostic, actions));
        }

        return result;
    }

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
