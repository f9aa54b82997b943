using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>
/// TP0004: the credential request's Authorization value becomes the resolver's header. Fixed code is compiled against
/// the real client (FixedState, and BatchFixedState through FixAll in document, project and solution scope).
/// </summary>
public class TP0004FixTests
{
    [Fact]
    public Task Request_header_from_an_environment_variable_becomes_the_resolver_header() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        class Fetcher
        {
            private readonly HttpClient _http = new HttpClient();

            async Task<HttpResponseMessage> FetchAsync(string id, CancellationToken cancellationToken)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return await {|TP0004:_http.SendAsync(request, cancellationToken)|};
            }

            string Fetch(string id)
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return {|TP0004:client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|}.Result;
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            private readonly HttpClient _http = new HttpClient();

            async Task<HttpResponseMessage> FetchAsync(string id, CancellationToken cancellationToken)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                request.Headers.Authorization = (await CredentialTokenResolver.Default.ResolveAsync(cancellationToken)).ToAuthorizationHeader();
                return await _http.SendAsync(request, cancellationToken);
            }

            string Fetch(string id)
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Authorization = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader();
                return client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token").Result;
            }
        }
        """);

    [Fact]
    public Task Two_requests_sharing_one_header_are_fixed_once() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading.Tasks;

        class Fetcher
        {
            async Task<string> FetchBothAsync(string id, string other)
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("RUNNER_TOKEN"));
                var first = await {|TP0004:client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
                var second = await {|TP0004:client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{other}/token")|};
                return first + second;
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            async Task<string> FetchBothAsync(string id, string other)
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Authorization = (await CredentialTokenResolver.Default.ResolveAsync()).ToAuthorizationHeader();
                var first = await client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
                var second = await client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{other}/token");
                return first + second;
            }
        }
        """, allScopes: true);

    [Fact]
    public Task No_header_at_all_has_no_fix() => VerifyNoFixAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class Fetcher
        {
            Task<string> FetchAsync(string id) => {|TP0004:new HttpClient().GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
        }
        """);

    [Fact]
    public Task Header_string_added_to_the_headers_becomes_the_header_string_form() => VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Fetcher
        {
            Task<string> FetchAsync(string id)
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Add("Authorization", "Bearer " + Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return {|TP0004:client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class Fetcher
        {
            Task<string> FetchAsync(string id)
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Add("Authorization", CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader().ToString());
                return client.GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
            }
        }
        """);

    [Fact]
    public Task Header_set_by_a_handler_in_the_same_file_is_fixed_in_the_handler() => VerifyAsync(""""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        sealed class EnvHandler : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("K8S_TOKEN"));
                return base.SendAsync(request, cancellationToken);
            }
        }

        class Fetcher
        {
            Task<string> FetchAsync(string id) => {|TP0004:new HttpClient(new EnvHandler { InnerHandler = new HttpClientHandler() }).GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token")|};
        }
        """", """"
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        sealed class EnvHandler : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.Authorization = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader();
                return base.SendAsync(request, cancellationToken);
            }
        }

        class Fetcher
        {
            Task<string> FetchAsync(string id) => new HttpClient(new EnvHandler { InnerHandler = new HttpClientHandler() }).GetStringAsync($"http://backend.svc/api/ambient/v1/credentials/{id}/token");
        }
        """");

    internal sealed class Test : CSharpCodeFixTest<CredentialRequestAnalyzer, CredentialRequestCodeFixProvider, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                return solution.WithProjectMetadataReferences(projectId, project.MetadataReferences.Concat(TestReferences.Net80Assemblies).Concat(TestReferences.Client).Distinct());
            });
            CompilerDiagnostics = CompilerDiagnostics.Errors;
            FixedState.MarkupHandling = MarkupMode.Allow;
            BatchFixedState.MarkupHandling = MarkupMode.Allow;
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
        }

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);

        protected override CompilationOptions CreateCompilationOptions()
            => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }

    private static Task VerifyAsync(string source, string fixedSource, bool allScopes = false)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            BatchFixedCode = fixedSource,
            CodeActionEquivalenceKey = EquivalenceKeys.UseResolver,
            CodeActionIndex = 0,
        };
        if (allScopes)
        {
            test.CodeFixTestBehaviors &= ~(CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck);
        }

        return test.RunAsync(CancellationToken.None);
    }

    private static Task VerifyNoFixAsync(string source) => new Test { TestCode = source, FixedCode = source }.RunAsync(CancellationToken.None);
}
