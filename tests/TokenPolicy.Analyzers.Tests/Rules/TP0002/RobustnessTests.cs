using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>TP0002 over broken and pathological sources: no analyzer exception (AD0001), bounded time.</summary>
public class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        // Unterminated string in a sink.
        "using System.Net.Http.Headers; class C { object M() => new AuthenticationHeaderValue(\"Bearer\", \"eyJ",
        // Missing types and members.
        "class C { void M(Missing m) { m.Headers.Add(\"Authorization\", Unknown.Token); new Octokit.Credentials(Nope); } }",
        // Recursive constants and field initializers reaching sinks.
        "using System.Net.Http.Headers; class C { const string A = B + \"x\"; const string B = A + \"y\"; static string F = G + \"1\"; static string G = F + \"2\"; object M() => new AuthenticationHeaderValue(\"Bearer\", A + F); object N() => AuthenticationHeaderValue.Parse(\"Bearer \" + G); }",
        // Broken attribute and initializers.
        "[Headers(\"Authorization: Bearer \" + )] interface I { } class D { object M() => new System.Collections.Generic.Dictionary<string, string> { [\"Authorization\"] = , { \"Authorization\" } }; }",
        // Wrong argument counts and types on real sinks.
        "using System.Net.Http; using System.Net.Http.Headers; class C { void M(HttpRequestMessage r) { r.Headers.Add(\"Authorization\"); r.Headers.Add(1, 2); new AuthenticationHeaderValue(parameter: 3); } }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Broken_sources_do_not_throw(string source)
        => Assert.Empty(await AnalyzerFailuresAsync(source));

    [Fact]
    public async Task Very_long_concatenation_is_bounded()
    {
        var terms = new StringBuilder("\"Bearer \"");
        for (var i = 0; i < 10_000; i++)
        {
            terms.Append(" + Part").Append(i % 10);
        }

        var fields = string.Concat(Enumerable.Range(0, 10).Select(i => $"static readonly string Part{i} = \"{i}\"; "));
        var source = $$"""
            using System.Net.Http;
            class C
            {
                {{fields}}
                void M(HttpRequestMessage request) => request.Headers.Add("Authorization", {{terms}});
            }
            """;

        var stopwatch = Stopwatch.StartNew();
        Assert.Empty(await AnalyzerFailuresAsync(source));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzerFailuresAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, TestReferences.Net80Assemblies, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedBearerTokenAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == "AD0001").ToImmutableArray();
    }
}
