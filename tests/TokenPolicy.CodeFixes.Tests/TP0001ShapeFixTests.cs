using Verify = TokenPolicy.CodeFixes.Tests.FixVerifier;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>
/// TP0001 reads other than <c>ReadAllText</c>: bytes, lines, streams, readers read by line, tasks that are not awaited,
/// and calls into helpers that return a task of the text. Each becomes the resolver's token in the read's own type.
/// </summary>
public class TP0001ShapeFixTests
{
    private const string SaPath = "\"/var/run/secrets/kubernetes.io/serviceaccount/token\"";

    [Fact]
    public Task Bytes_and_lines_become_the_token_in_their_own_type() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;

        class C
        {
            const string P = {{SaPath}};

            byte[] Bytes() => {|TP0001:File.ReadAllBytes(P)|};
            string Decoded() => Encoding.UTF8.GetString({|TP0001:File.ReadAllBytes(P)|}).Trim();
            string[] Lines() => {|TP0001:File.ReadAllLines(P)|};
            string FirstLine() => {|TP0001:File.ReadAllLines(P)|}[0];
            IEnumerable<string> Sequence() => {|TP0001:File.ReadLines(P)|};
            string First() => {|TP0001:File.ReadLines(P)|}.First().Trim();
            int Count() => {|TP0001:File.ReadLines(P)|}.Count();
        }
        """, """
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;
        using TokenPolicy.Credentials;

        class C
        {
            const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            byte[] Bytes() => Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value);
            string Decoded() => CredentialTokenResolver.Default.Resolve().Value;
            string[] Lines() => new[] { CredentialTokenResolver.Default.Resolve().Value };
            string FirstLine() => CredentialTokenResolver.Default.Resolve().Value;
            IEnumerable<string> Sequence() => Enumerable.Repeat(CredentialTokenResolver.Default.Resolve().Value, 1);
            string First() => CredentialTokenResolver.Default.Resolve().Value;
            int Count() => Enumerable.Repeat(CredentialTokenResolver.Default.Resolve().Value, 1).Count();
        }
        """, Verify.AllScopes);

    [Fact]
    public Task Conversions_add_their_using_directives_and_keep_var_locals_compiling() => Verify.VerifyAsync($$"""
        using System.IO;

        class C
        {
            const string P = {{SaPath}};

            int Size()
            {
                var bytes = {|TP0001:File.ReadAllBytes(P)|};
                var lines = {|TP0001:File.ReadLines(P)|};
                foreach (var line in lines)
                {
                    return line.Length + bytes.Length;
                }

                return bytes.Length;
            }
        }
        """, """
        using System.IO;
        using System.Linq;
        using System.Text;
        using TokenPolicy.Credentials;

        class C
        {
            const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            int Size()
            {
                var bytes = Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value);
                var lines = Enumerable.Repeat(CredentialTokenResolver.Default.Resolve().Value, 1);
                foreach (var line in lines)
                {
                    return line.Length + bytes.Length;
                }

                return bytes.Length;
            }
        }
        """);

    [Fact]
    public Task Async_bytes_and_lines_await_the_resolver_or_complete_a_task_of_the_same_type() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            const string P = {{SaPath}};

            async Task<byte[]> BytesAsync(CancellationToken ct) => await {|TP0001:File.ReadAllBytesAsync(P, ct)|};
            async Task<string[]> LinesAsync(CancellationToken ct) => await {|TP0001:File.ReadAllLinesAsync(P, ct)|}.ConfigureAwait(false);
            async Task<string> LineAsync() => (await {|TP0001:File.ReadAllLinesAsync(P)|})[0];
            Task<byte[]> NotAwaited() => {|TP0001:File.ReadAllBytesAsync(P)|};
            Task<string> TextNotAwaited(CancellationToken ct) => {|TP0001:File.ReadAllTextAsync(P, ct)|};

            async Task<int> StoredAsync(CancellationToken ct)
            {
                var pending = {|TP0001:File.ReadAllTextAsync(P, ct)|};
                await Task.Yield();
                return (await pending).Length;
            }
        }
        """, """
        using System.IO;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            async Task<byte[]> BytesAsync(CancellationToken ct) => Encoding.UTF8.GetBytes((await CredentialTokenResolver.Default.ResolveAsync(ct)).Value);
            async Task<string[]> LinesAsync(CancellationToken ct) => new[] { (await CredentialTokenResolver.Default.ResolveAsync(ct).ConfigureAwait(false)).Value };
            async Task<string> LineAsync() => (await CredentialTokenResolver.Default.ResolveAsync()).Value;
            Task<byte[]> NotAwaited() => Task.FromResult(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value));
            Task<string> TextNotAwaited(CancellationToken ct) => Task.FromResult(CredentialTokenResolver.Default.Resolve().Value);

            async Task<int> StoredAsync(CancellationToken ct)
            {
                var pending = Task.FromResult((await CredentialTokenResolver.Default.ResolveAsync(ct)).Value);
                await Task.Yield();
                return (await pending).Length;
            }
        }
        """, Verify.AllScopes);

    [Fact]
    public Task Read_only_streams_become_a_memory_stream_or_the_whole_read() => Verify.VerifyAsync($$"""
        using System.IO;

        class C
        {
            const string P = {{SaPath}};

            Stream Open() => {|TP0001:File.OpenRead(P)|};
            string ReadAll() => new StreamReader({|TP0001:File.OpenRead(P)|}).ReadToEnd().Trim();

            string ThroughLocals()
            {
                using var stream = {|TP0001:File.OpenRead(P)|};
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }

            long Length()
            {
                using var stream = {|TP0001:new FileStream(P, FileMode.Open, FileAccess.Read)|};
                stream.Position = 0;
                return stream.Length;
            }

            Stream Info() => {|TP0001:new FileInfo(P).OpenRead()|};
            Stream InfoOpen() => {|TP0001:new FileInfo(P).Open(FileMode.Open, FileAccess.Read)|};
            Stream Opened() => {|TP0001:File.Open(P, FileMode.Open, FileAccess.Read)|};
        }
        """, """
        using System.IO;
        using System.Text;
        using TokenPolicy.Credentials;

        class C
        {
            const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            Stream Open() => new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false);
            string ReadAll() => CredentialTokenResolver.Default.Resolve().Value;

            string ThroughLocals()
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }

            long Length()
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false);
                stream.Position = 0;
                return stream.Length;
            }

            Stream Info() => new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false);
            Stream InfoOpen() => new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false);
            Stream Opened() => new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false);
        }
        """, Verify.AllScopes);

    [Fact]
    public Task Reader_read_by_its_only_line_becomes_the_token() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            const string P = {{SaPath}};

            string FirstLine()
            {
                using var reader = {|TP0001:File.OpenText(P)|};
                return reader.ReadLine() ?? "";
            }

            async Task<string?> FirstLineAsync()
            {
                using var reader = {|TP0001:new StreamReader(P)|};
                return await reader.ReadLineAsync();
            }

            Task<string> NotAwaited() => {|TP0001:new StreamReader(P)|}.ReadToEndAsync();
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            string FirstLine()
            {
                return CredentialTokenResolver.Default.Resolve().Value ?? "";
            }

            async Task<string?> FirstLineAsync()
            {
                return (await CredentialTokenResolver.Default.ResolveAsync()).Value;
            }

            Task<string> NotAwaited() => Task.FromResult(CredentialTokenResolver.Default.Resolve().Value);
        }
        """);

    [Fact]
    public Task Helper_that_returns_a_task_of_the_text_is_replaced_at_the_call() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            static async Task<string> ReadTokenAsync(string path) => (await File.ReadAllTextAsync(path)).Trim();

            async Task<int> UseAsync(CancellationToken ct) => (await {|TP0001:ReadTokenAsync({{SaPath}})|}).Length;

            Task<string> Pass() => {|TP0001:ReadTokenAsync({{SaPath}})|};
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            static async Task<string> ReadTokenAsync(string path) => (await File.ReadAllTextAsync(path)).Trim();

            async Task<int> UseAsync(CancellationToken ct) => (await CredentialTokenResolver.Default.ResolveAsync(ct)).Value.Length;

            Task<string> Pass() => Task.FromResult(CredentialTokenResolver.Default.Resolve().Value);
        }
        """);

    [Fact]
    public Task Helpers_that_return_the_bytes_or_lines_are_replaced_at_the_call() => Verify.VerifyAsync($$"""
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            static byte[] ReadBytes(string path) => File.ReadAllBytes(path);
            static async Task<byte[]> ReadBytesAsync(string path) => await File.ReadAllBytesAsync(path);
            static string[] ReadLines(string path) { return File.ReadAllLines(path); }
            static IEnumerable<string> Sequence(string path) => File.ReadLines(path);

            byte[] Bytes() => {|TP0001:ReadBytes({{SaPath}})|};
            async Task<int> BytesAsync() => (await {|TP0001:ReadBytesAsync({{SaPath}})|}).Length;
            string First() => {|TP0001:ReadLines({{SaPath}})|}[0];
            IEnumerable<string> Lines() => {|TP0001:Sequence({{SaPath}})|};
        }
        """, """
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            static byte[] ReadBytes(string path) => File.ReadAllBytes(path);
            static async Task<byte[]> ReadBytesAsync(string path) => await File.ReadAllBytesAsync(path);
            static string[] ReadLines(string path) { return File.ReadAllLines(path); }
            static IEnumerable<string> Sequence(string path) => File.ReadLines(path);

            byte[] Bytes() => Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value);
            async Task<int> BytesAsync() => Encoding.UTF8.GetBytes((await CredentialTokenResolver.Default.ResolveAsync()).Value).Length;
            string First() => CredentialTokenResolver.Default.Resolve().Value;
            IEnumerable<string> Lines() => Enumerable.Repeat(CredentialTokenResolver.Default.Resolve().Value, 1);
        }
        """);

    [Fact]
    public Task Stream_locals_in_using_statements_and_await_using_and_FileStreamOptions() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            const string P = {{SaPath}};

            int First()
            {
                using (var stream = {|TP0001:File.OpenRead(P)|})
                {
                    return stream.ReadByte();
                }
            }

            async Task<long> CopyAsync(Stream target)
            {
                await using var stream = {|TP0001:new FileStream(P, new FileStreamOptions { Mode = FileMode.Open })|};
                await stream.CopyToAsync(target);
                return stream.Length;
            }

            Stream Options() => {|TP0001:new FileStream(P, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read })|};
        }
        """, """
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            const string P = "/var/run/secrets/kubernetes.io/serviceaccount/token";

            int First()
            {
                using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false))
                {
                    return stream.ReadByte();
                }
            }

            async Task<long> CopyAsync(Stream target)
            {
                await using var stream = new MemoryStream(Encoding.UTF8.GetBytes((await CredentialTokenResolver.Default.ResolveAsync()).Value), writable: false);
                await stream.CopyToAsync(target);
                return stream.Length;
            }

            Stream Options() => new MemoryStream(Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value), writable: false);
        }
        """);

    [Fact]
    public Task Streams_that_may_be_written_or_are_used_as_a_FileStream_have_no_fix() => Verify.VerifyNoFixAsync($$"""
        using System.Collections.Generic;
        using System.IO;
        using Microsoft.Win32.SafeHandles;

        class C
        {
            const string P = {{SaPath}};

            FileStream Typed() => {|TP0001:File.OpenRead(P)|};

            string Named()
            {
                var stream = {|TP0001:File.OpenRead(P)|};
                return stream.Name;
            }

            void Reassigned()
            {
                var stream = {|TP0001:File.OpenRead(P)|};
                stream = new FileStream("other", FileMode.Open);
                stream.Dispose();
            }

            Stream ReadWrite() => {|TP0001:new FileStream(P, FileMode.Open)|};
            Stream ExplicitReadWrite() => {|TP0001:File.Open(P, FileMode.Open, FileAccess.ReadWrite)|};
            Stream WritableOptions() => {|TP0001:new FileStream(P, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite })|};
            Stream OptionsFromElsewhere(FileStreamOptions options) => {|TP0001:new FileStream(P, options)|};
            SafeFileHandle Handle() => {|TP0001:File.OpenHandle(P)|};
            IAsyncEnumerable<string> LinesAsync() => {|TP0001:File.ReadLinesAsync(P)|};
        }
        """);
}
