using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Analyzers.Rules;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0002;

/// <summary>A framework type that another reference defines too (GetTypeByMetadataName is null then) is still a sink's type.</summary>
public class DuplicateFrameworkTypeTests
{
    [Fact]
    public async Task Web_header_collection_entries_are_found_when_a_reference_carries_its_own_NameValueCollection()
    {
        var copy = CSharpCompilation.Create(
            "PolyfillCopy",
            new[] { CSharpSyntaxTree.ParseText("namespace System.Collections.Specialized { public class NameValueCollection { } }") },
            TestReferences.Net80Assemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(copy.Emit(image).Success);

        var source = "using System.Net;\npublic static class LegacyHeaders\n{\n    private static readonly string Token = \"" + TestTokens.Jwt + "\";\n"
            + "    public static WebHeaderCollection Create()\n    {\n        var headers = new WebHeaderCollection();\n"
            + "        headers.Add(\"Authorization\", \"Bearer \" + Token);\n        headers[\"Authorization\"] = \"Bearer \" + Token;\n        return headers;\n    }\n}\n";
        var compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.Net80Assemblies.Add(MetadataReference.CreateFromImage(image.ToArray())),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Null(compilation.GetTypeByMetadataName("System.Collections.Specialized.NameValueCollection"));

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedBearerTokenAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(2, diagnostics.Count(d => d.Id == "TP0002"));
    }
}
