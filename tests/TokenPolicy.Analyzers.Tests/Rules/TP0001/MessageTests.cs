using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Rules;
using Verify = TokenPolicy.Analyzers.Tests.AnalyzerVerifier<TokenPolicy.Analyzers.Rules.ServiceAccountTokenReadAnalyzer>;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0001;

/// <summary>The message names the sink and the file; the properties tell the code fix what the read returns.</summary>
public class MessageTests
{
    [Fact]
    public Task Message_names_the_sink_and_the_file() => Verify.VerifyAsync(
        """
        using System;
        using System.IO;
        class C
        {
            void M()
            {
                _ = {|#0:File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/token")|};
                using var r = {|#1:new StreamReader(@"C:\var\run\secrets\kubernetes.io\serviceaccount\token")|};
                _ = {|#2:File.ReadAllBytes(Environment.GetEnvironmentVariable("AZURE_FEDERATED_TOKEN_FILE")!)|};
                _ = {|#3:new FileInfo(Path.Combine(Environment.GetEnvironmentVariable("ROOT")!, "kubernetes.io/serviceaccount/token")).OpenText()|};
            }
        }
        """,
        new DiagnosticResult(Descriptors.TP0001_ServiceAccountTokenRead).WithLocation(0).WithArguments("File.ReadAllText", "/var/run/secrets/kubernetes.io/serviceaccount/token"),
        new DiagnosticResult(Descriptors.TP0001_ServiceAccountTokenRead).WithLocation(1).WithArguments("new StreamReader", @"C:\var\run\secrets\kubernetes.io\serviceaccount\token"),
        new DiagnosticResult(Descriptors.TP0001_ServiceAccountTokenRead).WithLocation(2).WithArguments("File.ReadAllBytes", "$AZURE_FEDERATED_TOKEN_FILE"),
        new DiagnosticResult(Descriptors.TP0001_ServiceAccountTokenRead).WithLocation(3).WithArguments("FileInfo.OpenText", "$ROOT/kubernetes.io/serviceaccount/token"));

    [Fact]
    public void Message_says_to_use_the_resolver()
    {
        var message = Descriptors.TP0001_ServiceAccountTokenRead.MessageFormat.ToString(CultureInfo.InvariantCulture);
        Assert.Contains("ICredentialTokenResolver", message);
        Assert.Contains("{1}", message);
        Assert.Equal(DiagnosticSeverity.Warning, Descriptors.TP0001_ServiceAccountTokenRead.DefaultSeverity);
        Assert.Equal("Security", Descriptors.TP0001_ServiceAccountTokenRead.Category);
    }

    [Fact]
    public async Task Properties_name_the_sink_and_whether_it_yields_text()
    {
        var diagnostics = await RunAsync("""
            using System.IO;
            class C
            {
                const string Token = "/var/run/secrets/kubernetes.io/serviceaccount/token";
                void M()
                {
                    _ = File.ReadAllText(Token);
                    _ = File.ReadAllBytes(Token);
                    using var r = new StreamReader(Token);
                }
            }
            """);

        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start),
            d =>
            {
                Assert.Equal("System.IO.File.ReadAllText", d.Properties[DiagnosticProperties.SinkMember]);
                Assert.Equal("FileText", d.Properties[DiagnosticProperties.FixKind]);
            },
            d =>
            {
                Assert.Equal("System.IO.File.ReadAllBytes", d.Properties[DiagnosticProperties.SinkMember]);
                Assert.Equal("FileBytes", d.Properties[DiagnosticProperties.FixKind]);
            },
            d =>
            {
                Assert.Equal("System.IO.StreamReader..ctor", d.Properties[DiagnosticProperties.SinkMember]);
                Assert.Equal("FileReader", d.Properties[DiagnosticProperties.FixKind]);
            });
    }

    [Fact]
    public async Task One_diagnostic_per_read_even_with_several_matching_values()
    {
        var diagnostics = await RunAsync("""
            using System.IO;
            class C
            {
                string M(bool eks) => File.ReadAllText(eks ? "/var/run/secrets/eks.amazonaws.com/serviceaccount/token" : "/var/run/secrets/kubernetes.io/serviceaccount/token");
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains("'/var/run/secrets/eks.amazonaws.com/serviceaccount/token'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    private static async Task<IReadOnlyList<Diagnostic>> RunAsync(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Messages",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)) },
            TestReferences.Net80Assemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new ServiceAccountTokenReadAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics;
    }
}
