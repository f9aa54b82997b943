using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = TokenPolicy.CodeFixes.Tests.FixVerifier;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>TP0001: reads that yield the token text become the resolver's token value; other reads keep their warning.</summary>
public class TP0001FixTests
{
    private const string SaPath = "\"/var/run/secrets/kubernetes.io/serviceaccount/token\"";

    [Fact]
    public Task ReadAllText_in_sync_instance_method() => Verify.VerifyAsync($$"""
        using System.IO;

        class C
        {
            string Read() => {|TP0001:File.ReadAllText({{SaPath}})|};
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            string Read() => CredentialTokenResolver.Default.Resolve().Value;
        }
        """);

    [Fact]
    public Task ReadAllText_trimmed_in_static_method_keeps_comments_and_existing_using() => Verify.VerifyAsync($$"""
        using System.IO;
        using TokenPolicy.Credentials;

        static class C
        {
            private const string TokenPath = {{SaPath}};

            public static string Read()
            {
                // the token, trimmed
                var token = /* read */ {|TP0001:File.ReadAllText(TokenPath)|}.Trim(); // trailing comment
                return token;
            }
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        static class C
        {
            private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            public static string Read()
            {
                // the token, trimmed
                var token = /* read */ CredentialTokenResolver.Default.Resolve().Value; // trailing comment
                return token;
            }
        }
        """);

    [Fact]
    public Task ReadAllTextAsync_awaited_and_trimmed_passes_the_same_token() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> ReadAsync(CancellationToken cancellationToken)
            {
                var token = (await {|TP0001:File.ReadAllTextAsync({{SaPath}}, cancellationToken)|}).Trim();
                return token;
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            async Task<string> ReadAsync(CancellationToken cancellationToken)
            {
                var token = (await CredentialTokenResolver.Default.ResolveAsync(cancellationToken)).Value;
                return token;
            }
        }
        """);

    [Fact]
    public Task ReadAllTextAsync_with_ConfigureAwait_and_no_token() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> LengthAsync() => (await {|TP0001:File.ReadAllTextAsync({{SaPath}})|}.ConfigureAwait(false)).Length;
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            async Task<int> LengthAsync() => (await CredentialTokenResolver.Default.ResolveAsync().ConfigureAwait(false)).Value.Length;
        }
        """);

    [Fact]
    public Task Synchronous_read_in_async_method_awaits_with_the_token_in_scope() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> ReadAsync(string other, CancellationToken ct)
            {
                await Task.Yield();
                return {|TP0001:File.ReadAllText({{SaPath}})|};
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            async Task<string> ReadAsync(string other, CancellationToken ct)
            {
                await Task.Yield();
                return (await CredentialTokenResolver.Default.ResolveAsync(ct)).Value;
            }
        }
        """);

    [Fact]
    public Task Local_cancellation_token_declared_before_is_used() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> ReadAsync()
            {
                using var source = new CancellationTokenSource();
                var token = source.Token;
                return await {|TP0001:File.ReadAllTextAsync({{SaPath}})|};
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            async Task<string> ReadAsync()
            {
                using var source = new CancellationTokenSource();
                var token = source.Token;
                return (await CredentialTokenResolver.Default.ResolveAsync(token)).Value;
            }
        }
        """);

    [Fact]
    public Task Blocking_Result_in_sync_method_becomes_Resolve() => Verify.VerifyAsync($$"""
        using System.IO;

        class C
        {
            string Read() => {|TP0001:File.ReadAllTextAsync({{SaPath}})|}.Result;
            string Read2() => {|TP0001:File.ReadAllTextAsync({{SaPath}})|}.GetAwaiter().GetResult().Trim();
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            string Read() => CredentialTokenResolver.Default.Resolve().Value;
            string Read2() => CredentialTokenResolver.Default.Resolve().Value;
        }
        """);

    [Fact]
    public Task Await_inside_lock_is_not_possible_so_Resolve_is_used() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            private readonly object _gate = new();
            private string _token = "";

            async Task RefreshAsync()
            {
                await Task.Yield();
                lock (_gate)
                {
                    _token = {|TP0001:File.ReadAllText({{SaPath}})|};
                }
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            private readonly object _gate = new();
            private string _token = "";

            async Task RefreshAsync()
            {
                await Task.Yield();
                lock (_gate)
                {
                    _token = CredentialTokenResolver.Default.Resolve().Value;
                }
            }
        }
        """);

    [Fact]
    public Task StreamReader_read_to_end_directly() => Verify.VerifyAsync($$"""
        using System.IO;

        class C
        {
            string Read() => {|TP0001:new StreamReader({{SaPath}})|}.ReadToEnd().Trim();
            string Read2() => {|TP0001:File.OpenText({{SaPath}})|}.ReadToEnd();
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            string Read() => CredentialTokenResolver.Default.Resolve().Value;
            string Read2() => CredentialTokenResolver.Default.Resolve().Value;
        }
        """, Verify.AllScopes);

    [Fact]
    public Task StreamReader_using_declaration_used_only_for_the_read_is_removed() => Verify.VerifyAsync($$"""
        using System.IO;

        class C
        {
            private const string TokenPath = {{SaPath}};

            public string ReadServiceAccountToken()
            {
                // TP0001, through a StreamReader.
                using var reader = {|TP0001:new StreamReader(TokenPath)|};
                return reader.ReadToEnd().Trim();
            }
        }
        """, """
        using System.IO;
        using TokenPolicy.Credentials;

        class C
        {
            private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            public string ReadServiceAccountToken()
            {
                // TP0001, through a StreamReader.
                return CredentialTokenResolver.Default.Resolve().Value;
            }
        }
        """);

    [Fact]
    public Task Fixes_between_a_removed_reader_and_its_read_compose() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;

        class C
        {
            string Read(HttpRequestMessage request)
            {
                var reader = {|TP0001:new StreamReader({{SaPath}})|};
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:"{{TestTokens.Jwt}}"|});
                return reader.ReadToEnd();
            }
        }
        """, """
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using TokenPolicy.Credentials;

        class C
        {
            string Read(HttpRequestMessage request)
            {
                request.Headers.Authorization = CredentialTokenResolver.Default.Resolve().ToAuthorizationHeader();
                return CredentialTokenResolver.Default.Resolve().Value;
            }
        }
        """, Verify.BothRules);

    [Fact]
    public Task StreamReader_using_statement_is_unwrapped() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> ReadAsync(CancellationToken cancellationToken)
            {
                string text;
                using (var reader = {|TP0001:new StreamReader({{SaPath}})|})
                {
                    text = await reader.ReadToEndAsync(cancellationToken);
                }

                return text;
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            async Task<string> ReadAsync(CancellationToken cancellationToken)
            {
                string text;
                text = (await CredentialTokenResolver.Default.ResolveAsync(cancellationToken)).Value;

                return text;
            }
        }
        """);

    [Fact]
    public Task Reads_without_a_sound_rewrite_have_no_fix() => Verify.VerifyNoFixAsync($$"""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            const string P = {{SaPath}};

            void Discarded() { {|TP0001:File.ReadAllText(P)|}; }
            void FireAndForget() { {|TP0001:File.ReadAllBytesAsync(P)|}; }

            string KeptForOtherUses()
            {
                using var reader = {|TP0001:new StreamReader(P)|};
                var first = reader.ReadLine();
                return first + reader.ReadToEnd();
            }

            string ReaderReturned(out StreamReader reader)
            {
                reader = {|TP0001:new StreamReader(P)|};
                return "";
            }

            Task<string?> LineNotAwaited() => {|TP0001:new StreamReader(P)|}.ReadLineAsync();
        }
        """);
}
