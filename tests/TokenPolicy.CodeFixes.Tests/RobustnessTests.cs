using Microsoft.CodeAnalysis;
using Verify = TokenPolicy.CodeFixes.Tests.FixVerifier;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>A fixer never throws, even on half-typed code, and never offers a fix that cannot build.</summary>
public class RobustnessTests
{
    private const string SaPath = "\"/var/run/secrets/kubernetes.io/serviceaccount/token\"";
    private static readonly string Jwt = TestTokens.Jwt;

    public static TheoryData<string> BrokenSources() => new()
    {
        // Unterminated call, missing semicolon and brace.
        $$"""
        using System.IO;
        class C
        {
            string Read() { var t = File.ReadAllText({{SaPath}}
        """,
        // Await in a method that is not async, unknown types, unbalanced parentheses.
        $$"""
        using System.IO;
        using System.Net.Http.Headers;
        class C
        {
            string Read(Missing m) { return (await File.ReadAllTextAsync({{SaPath}}).Trim(; }
            object H() => new AuthenticationHeaderValue("Bearer", "{{Jwt}}"
        }
        """,
        // A reader declared and used in broken statements.
        $$"""
        using System.IO;
        class C
        {
            string Read()
            {
                using var reader = new StreamReader({{SaPath}});
                return reader.ReadToEnd(
            }
        """,
        // Header strings in an unfinished initializer, a class with a broken constructor.
        $$"""
        using System.Collections.Generic;
        class C
        {
            public C(int x, ) { }
            Dictionary<string, string> H() => new() { ["Authorization"] = "Bearer {{Jwt}}",
        """,
        // Bytes, lines and streams in half-typed code: unknown receivers, a stream local used in a broken member access.
        $$"""
        using System.IO;
        using System.Text;
        class C
        {
            string A() => Encoding.UTF8.GetString(File.ReadAllBytes({{SaPath}})
            string B() => File.ReadAllLines({{SaPath}})[
            long D() { var s = File.OpenRead({{SaPath}}); return s.; }
            object E() => new StreamReader(File.OpenRead({{SaPath}})).ReadToEnd(
            object F() => Helper.Set(Missing, "{{Jwt}}");
        }
        """,
        // Top-level statements mixed with a half-typed class.
        $$"""
        using System.IO;
        var t = File.ReadAllText({{SaPath}});
        class C(
        """,
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Fixers_never_throw_on_broken_code(string source)
    {
        foreach (var kind in new[] { OutputKind.DynamicallyLinkedLibrary, OutputKind.ConsoleApplication })
        {
            var document = Harness.CreateDocument(source, outputKind: kind);
            var exception = await Record.ExceptionAsync(() => Harness.ExerciseEverythingAsync(document));
            Assert.Null(exception);
        }
    }

    [Fact]
    public async Task No_fix_without_a_reference_to_the_client()
    {
        var document = Harness.CreateDocument($$"""
            using System.IO;
            class C
            {
                string Read() => File.ReadAllText({{SaPath}});
            }
            """, withClient: false);

        var offered = await Harness.GetActionsAsync(document);
        Assert.Single(offered);
        Assert.Empty(offered[0].Actions);
    }

    [Fact]
    public Task Call_into_a_helper_that_returns_the_text_is_fixed_at_the_call() => Verify.VerifyAsync($$"""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            private const string TokenPath = {{SaPath}};

            static string ReadFile(string path) => File.ReadAllText(path);

            static byte[] ReadBytes(string path) => File.ReadAllBytes(path);

            static Stream Open(string path) => File.OpenRead(path);

            string Token() => {|TP0001:ReadFile(TokenPath)|};

            byte[] Bytes() => {|TP0001:ReadBytes(TokenPath)|};

            Stream Stream() => {|TP0001:Open(TokenPath)|};
        }
        """, $$"""
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using TokenPolicy.Credentials;

        class C
        {
            private const string TokenPath = {{SaPath}};

            static string ReadFile(string path) => File.ReadAllText(path);

            static byte[] ReadBytes(string path) => File.ReadAllBytes(path);

            static Stream Open(string path) => File.OpenRead(path);

            string Token() => CredentialTokenResolver.Default.Resolve().Value;

            byte[] Bytes() => Encoding.UTF8.GetBytes(CredentialTokenResolver.Default.Resolve().Value);

            Stream Stream() => {|TP0001:Open(TokenPath)|};
        }
        """);

    [Fact]
    public async Task FixAll_without_an_equivalence_key_applies_the_default_action()
    {
        // dotnet format takes the key from the first diagnostic it sees; when that one has no fix the key is null.
        var document = Harness.CreateDocument($$"""
            using System.IO;
            class C
            {
                Microsoft.Win32.SafeHandles.SafeFileHandle Handle() => File.OpenHandle({{SaPath}});
                string Text() => File.ReadAllText({{SaPath}});
            }
            """);
        var diagnostics = await Harness.AnalyzeAsync(document);
        Assert.Equal(2, diagnostics.Length);

        var fixer = new ServiceAccountTokenReadCodeFixProvider();
        var context = new Microsoft.CodeAnalysis.CodeFixes.FixAllContext(
            document, fixer, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution, null!, fixer.FixableDiagnosticIds, new Harness.Provider(diagnostics), CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();

        Assert.Contains("string Text() => CredentialTokenResolver.Default.Resolve().Value;", text);
        Assert.Contains("SafeFileHandle Handle() => File.OpenHandle(", text);
        Assert.Contains("using TokenPolicy.Credentials;", text);
    }
}
