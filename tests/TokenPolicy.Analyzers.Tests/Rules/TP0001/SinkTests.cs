using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>Every read sink of the table, reported at the read; write-only opens are not reads.</summary>
public class SinkTests
{
    private static Task Body(string statements) => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        class C
        {
            const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
            async Task M()
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task ReadAllText_of_a_combined_constant_path_is_reported_and_namespace_is_not() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            string Read() => {|TP0001:File.ReadAllText(Path.Combine(Dir, "token"))|};
            string Namespace() => File.ReadAllText(Path.Combine(Dir, "namespace"));
        }
        """);

    [Fact]
    public Task ReadAllText() => Body("_ = {|TP0001:File.ReadAllText(Token)|};");

    [Fact]
    public Task ReadAllText_with_encoding() => Body("_ = {|TP0001:File.ReadAllText(Token, Encoding.UTF8)|};");

    [Fact]
    public Task ReadAllTextAsync() => Body("_ = await {|TP0001:File.ReadAllTextAsync(Token)|};");

    [Fact]
    public Task ReadAllTextAsync_with_encoding_and_token() => Body("_ = await {|TP0001:File.ReadAllTextAsync(Token, Encoding.UTF8, default)|};");

    [Fact]
    public Task ReadAllBytes() => Body("_ = {|TP0001:File.ReadAllBytes(Token)|};");

    [Fact]
    public Task ReadAllBytesAsync() => Body("_ = await {|TP0001:File.ReadAllBytesAsync(Token)|};");

    [Fact]
    public Task ReadAllLines() => Body("_ = {|TP0001:File.ReadAllLines(Token)|};");

    [Fact]
    public Task ReadAllLinesAsync() => Body("_ = await {|TP0001:File.ReadAllLinesAsync(Token)|};");

    [Fact]
    public Task ReadLines() => Body("foreach (var line in {|TP0001:File.ReadLines(Token)|}) { }");

    [Fact]
    public Task ReadLinesAsync() => Body("await foreach (var line in {|TP0001:File.ReadLinesAsync(Token)|}) { }");

    [Fact]
    public Task OpenRead() => Body("using var s = {|TP0001:File.OpenRead(Token)|};");

    [Fact]
    public Task OpenText() => Body("using var r = {|TP0001:File.OpenText(Token)|};");

    [Fact]
    public Task Open_for_reading() => Body("""
        using var a = {|TP0001:File.Open(Token, FileMode.Open)|};
        using var b = {|TP0001:File.Open(Token, FileMode.Open, FileAccess.Read)|};
        using var c = {|TP0001:File.Open(Token, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read)|};
        using var d = {|TP0001:File.Open(Token, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read })|};
        """);

    [Fact]
    public Task Open_for_writing_is_not_a_read() => Body("""
        using var a = File.Open(Token, FileMode.Create);
        using var b = File.Open(Token, FileMode.Open, FileAccess.Write);
        using var c = File.Open(Token, FileMode.Append);
        using var d = File.Open(Token, FileMode.Truncate);
        using var e = File.Open(Token, FileMode.CreateNew, FileAccess.ReadWrite);
        using var f = File.Open(Token, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write });
        using var g = File.Open(Token, new FileStreamOptions { Access = FileAccess.Write });
        """);

    [Fact]
    public Task OpenHandle_for_reading() => Body("""
        using var a = {|TP0001:File.OpenHandle(Token)|};
        using var b = {|TP0001:File.OpenHandle(Token, FileMode.Open, FileAccess.Read)|};
        """);

    [Fact]
    public Task OpenHandle_for_writing_is_not_a_read() => Body("""
        using var a = File.OpenHandle(Token, FileMode.Create, FileAccess.Write);
        using var b = File.OpenHandle(Token, FileMode.Open, FileAccess.Write);
        using var c = File.OpenHandle(Token, access: FileAccess.Write, mode: FileMode.OpenOrCreate);
        """);

    [Fact]
    public Task FileStream_for_reading() => Body("""
        using var a = {|TP0001:new FileStream(Token, FileMode.Open)|};
        using var b = {|TP0001:new FileStream(Token, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true)|};
        using FileStream c = {|TP0001:new(Token, FileMode.Open, FileAccess.Read)|};
        using var d = {|TP0001:new FileStream(Token, new FileStreamOptions())|};
        """);

    [Fact]
    public Task FileStream_for_writing_is_not_a_read() => Body("""
        using var a = new FileStream(Token, FileMode.Create);
        using var b = new FileStream(Token, FileMode.Open, FileAccess.Write);
        using var c = new FileStream(Token, FileMode.Append, FileAccess.Write, FileShare.None);
        using var d = new FileStream(Token, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write });
        """);

    [Fact]
    public Task StreamReader() => Body("""
        using var a = {|TP0001:new StreamReader(Token)|};
        using var b = {|TP0001:new StreamReader(Token, Encoding.UTF8)|};
        using var c = {|TP0001:new StreamReader(Token, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024)|};
        using var d = {|TP0001:new StreamReader(Token, new FileStreamOptions())|};
        using StreamReader e = {|TP0001:new(Token)|};
        """);

    [Fact]
    public Task StreamReader_over_a_stream_is_reported_once_at_the_open() => Body("""
        using var reader = new StreamReader({|TP0001:File.OpenRead(Token)|});
        """);

    [Fact]
    public Task FileInfo_then_OpenText_OpenRead_Open() => Body("""
        var info = new FileInfo(Token);
        using var a = {|TP0001:info.OpenText()|};
        using var b = {|TP0001:info.OpenRead()|};
        using var c = {|TP0001:info.Open(FileMode.Open)|};
        using var d = {|TP0001:info.Open(FileMode.Open, FileAccess.Read, FileShare.Read)|};
        using var e = {|TP0001:new FileInfo(Token).OpenText()|};
        """);

    [Fact]
    public Task FileInfo_field_then_OpenText() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            private readonly FileInfo _token = new FileInfo("/var/run/secrets/kubernetes.io/serviceaccount/token");
            string M()
            {
                using var reader = {|TP0001:_token.OpenText()|};
                return reader.ReadToEnd();
            }
        }
        """);

    [Fact]
    public Task FileInfo_open_for_writing_is_not_a_read() => Body("""
        var info = new FileInfo(Token);
        using var a = info.Open(FileMode.Create);
        using var b = info.Open(FileMode.Open, FileAccess.Write);
        using var c = info.OpenWrite();
        using var d = info.CreateText();
        using var e = info.AppendText();
        """);

    [Fact]
    public Task FileInfo_of_a_harmless_path_is_not_reported() => Body("""
        var info = new FileInfo("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
        using var a = info.OpenText();
        """);

    [Fact]
    public Task Read_with_non_constant_access_is_assumed_to_read() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            void M(FileAccess access)
            {
                using var s = {|TP0001:File.Open("/var/run/secrets/kubernetes.io/serviceaccount/token", FileMode.Open, access)|};
            }
        }
        """);
}
