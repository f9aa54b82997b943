using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>What TP0001 must not report: other files, non-reads, and values it cannot know.</summary>
public class NegativeTests
{
    private static Task Body(string statements, string members = "") => Verify.VerifyAsync($$"""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        class C
        {
            const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";
            const string Token = Dir + "/token";
            {{members}}
            async Task M(string unknown)
            {
                {{statements}}
                await Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task Namespace_and_ca_crt_beside_the_token() => Body("""
        _ = File.ReadAllText(Path.Combine(Dir, "namespace"));
        _ = File.ReadAllBytes(Dir + "/ca.crt");
        using var reader = new StreamReader($"{Dir}/ca.crt");
        """);

    [Fact]
    public Task File_exists_and_metadata() => Body("""
        _ = File.Exists(Token);
        _ = File.GetLastWriteTimeUtc(Token);
        _ = File.GetAttributes(Token);
        _ = new FileInfo(Token).Exists;
        _ = new FileInfo(Token).Length;
        using var watcher = new FileSystemWatcher(Dir, "token");
        """);

    [Fact]
    public Task Writes() => Body("""
        File.WriteAllText(Token, "x");
        await File.WriteAllTextAsync(Token, "x");
        File.WriteAllBytes(Token, new byte[0]);
        File.AppendAllText(Token, "x");
        File.Delete(Token);
        File.Copy(Token, "/tmp/copy");
        using var a = File.Create(Token);
        using var b = File.OpenWrite(Token);
        using var c = new StreamWriter(Token);
        using var d = File.CreateText(Token);
        using var e = new FileStream(Token, FileMode.Create);
        using var f = new FileStream(Token, FileMode.OpenOrCreate, FileAccess.Write);
        """);

    [Fact]
    public Task Directory_listings() => Body("""
        _ = Directory.GetFiles(Dir);
        _ = Directory.EnumerateFiles(Dir, "token");
        _ = Directory.Exists(Dir);
        _ = new DirectoryInfo(Dir).GetFiles("token");
        """);

    [Fact]
    public Task Logging_and_formatting_the_path() => Body("""
        Console.WriteLine(Token);
        Console.Error.WriteLine($"reading {Token}");
        var message = string.Format("token at {0}", Token);
        var text = Token.ToUpperInvariant();
        throw new FileNotFoundException("missing", Token);
        """);

    [Fact]
    public Task Other_files_ending_in_token() => Body("""
        _ = File.ReadAllText("/etc/app/api-token");
        _ = File.ReadAllText("/home/runner/.gh/token");
        _ = File.ReadAllText("/var/run/secrets/app/token");
        _ = File.ReadAllText(Path.Combine(unknown, "token"));
        _ = File.ReadAllText(unknown + "/serviceaccount/token");
        """);

    [Fact]
    public Task The_sanctioned_bot_token() => Body("""
        _ = File.ReadAllText("/var/run/secrets/ambient/bot-token");
        _ = File.ReadAllText(Path.Combine("/var/run/secrets/ambient", "bot-token"));
        _ = await File.ReadAllTextAsync("/run/secrets/ambient/bot-token");
        """);

    [Fact]
    public Task Unknown_paths() => Body(
        """
        _ = File.ReadAllText(unknown);
        _ = File.ReadAllText(ReadSetting());
        _ = File.ReadAllText(_configured);
        _ = File.ReadAllText(Environment.GetEnvironmentVariable(unknown)!);
        _ = File.ReadAllText(Path.GetFullPath(unknown));
        _ = File.ReadAllText(unknown.Trim());
        """,
        """
        private readonly string _configured;
        public C(string configured) { _configured = configured; }
        static string ReadSetting() => Environment.GetCommandLineArgs()[0];
        """);

    [Fact]
    public Task Read_of_an_unrelated_method_with_the_same_name() => Verify.VerifyAsync("""
        static class File
        {
            public static string ReadAllText(string path) => path;
        }
        class C
        {
            string M() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token");
        }
        """);

    [Fact]
    public Task Reading_a_stream_that_was_opened_elsewhere() => Verify.VerifyAsync("""
        using System.IO;
        class C
        {
            string M(Stream s) => new StreamReader(s).ReadToEnd();
        }
        """);
}
