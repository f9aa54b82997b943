using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>
/// The contract with the code fix: each diagnostic's <see cref="DiagnosticProperties.FixKind"/>, its location (the
/// value expression where the token enters the sink) and the message arguments.
/// </summary>
public class DiagnosticContractTests
{
    private static readonly string Jwt = TestTokens.Jwt;

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // member body, expected FixKind, expected location text, expected sink name in the message
        { $"_ = new AuthenticationHeaderValue(\"Bearer\", \"{Jwt}\");", "HeaderValueParameter", $"\"{Jwt}\"", "AuthenticationHeaderValue" },
        { $"_ = new AuthenticationHeaderValue(parameter: Tok, scheme: \"Bearer\");", "HeaderValueParameter", "Tok", "AuthenticationHeaderValue" },
        { $"_ = AuthenticationHeaderValue.Parse(\"Bearer {Jwt}\");", "HeaderValueParse", $"\"Bearer {Jwt}\"", "AuthenticationHeaderValue.Parse" },
        { $"_ = AuthenticationHeaderValue.TryParse(\"Bearer \" + Tok, out _);", "HeaderString", "\"Bearer \" + Tok", "AuthenticationHeaderValue.TryParse" },
        { $"request.Headers.Add(\"Authorization\", $\"Bearer {{Tok}}\");", "HeaderString", "$\"Bearer {Tok}\"", "HttpHeaders.Add" },
        { $"request.Headers.TryAddWithoutValidation(\"Authorization\", \"Bearer {Jwt}\");", "HeaderString", $"\"Bearer {Jwt}\"", "HttpHeaders.TryAddWithoutValidation" },
        { $"_ = new Dictionary<string, string> {{ [\"Authorization\"] = \"Bearer \" + Tok }};", "HeaderString", "\"Bearer \" + Tok", "the \"Authorization\" entry of Dictionary<string, string>" },
        { $"headers[\"Authorization\"] = \"Bearer \" + Tok;", "HeaderString", "\"Bearer \" + Tok", "the \"Authorization\" entry of IDictionary<string, string>" },
        { $"_ = new Octokit.Credentials(Tok);", "RawToken", "Tok", "Octokit Credentials" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sink_kind_location_and_message(string body, string fixKind, string location, string sinkName)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Headers;
            class C
            {
                const string Tok = "{{Jwt}}";
                void M(HttpRequestMessage request, IDictionary<string, string> headers)
                {
                    {{body}}
                }
            }
            namespace Octokit { public class Credentials { public Credentials(string token) { } } }
            """;

        var diagnostic = Assert.Single(await GetDiagnosticsAsync(source));
        Assert.Equal("TP0002", diagnostic.Id);
        Assert.Equal(fixKind, diagnostic.Properties[DiagnosticProperties.FixKind]);
        Assert.Equal(location, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal($"A hardcoded JWT reaches {sinkName}; resolve the token at run time with the caller-or-OIDC resolver (ICredentialTokenResolver)", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Attribute_header_lines_have_no_fix_kind()
    {
        var source = $$"""
            [System.AttributeUsage(System.AttributeTargets.All)]
            class HeadersAttribute : System.Attribute { public HeadersAttribute(params string[] headers) { } }

            [Headers("Accept: */*", "Authorization: Bearer {{Jwt}}")]
            interface IApi { }
            """;

        var diagnostic = Assert.Single(await GetDiagnosticsAsync(source));
        Assert.Equal("None", diagnostic.Properties[DiagnosticProperties.FixKind]);
        Assert.Equal($"\"Authorization: Bearer {Jwt}\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("reaches the [Headers] attribute", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_diagnostic_names_its_sink_member()
    {
        var source = $$"""
            using System.Net.Http.Headers;
            class C { AuthenticationHeaderValue M() => new("Bearer", "{{Jwt}}"); }
            """;

        var diagnostic = Assert.Single(await GetDiagnosticsAsync(source));
        Assert.Equal("System.Net.Http.Headers.AuthenticationHeaderValue..ctor", diagnostic.Properties[DiagnosticProperties.SinkMember]);
    }

    private static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create(
            "Test",
            new[] { tree },
            TestReferences.Net80Assemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedBearerTokenAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics;
    }
}
