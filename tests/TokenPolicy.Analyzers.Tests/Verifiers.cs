using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TokenPolicy.Analyzers.Tests;

/// <summary>
/// Pinned, offline reference assemblies: .NET 8 reference assemblies from Basic.Reference.Assemblies
/// (restored with the test project), never downloaded at test time.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies Net80 = new("net8.0-pinned");

    public static readonly ImmutableArray<MetadataReference> Net80Assemblies =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>.NET 9: the <c>params ReadOnlySpan&lt;T&gt;</c> overloads (<c>Path.Combine</c>, <c>string.Join</c>, <c>string.Concat</c>).</summary>
    public static readonly ReferenceAssemblies Net90 = new("net9.0-pinned");

    public static readonly ImmutableArray<MetadataReference> Net90Assemblies =
        Basic.Reference.Assemblies.Net90.References.All.Cast<MetadataReference>().ToImmutableArray();
}

/// <summary>Analyzer verifier: <c>{|TP0001:...|}</c> markup, C# latest, pinned references.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            TestState.AdditionalReferences.AddRange(TestReferences.Net80Assemblies);
            // Compiler warnings unrelated to the rule under test do not fail the test.
            CompilerDiagnostics = CompilerDiagnostics.Errors;

            // A rule may have several descriptors with one ID (TP0001 at the read and at a call into a reading helper).
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Preview;

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
    }

    /// <summary>Verifies the markup's diagnostics (and no others) for a single source file.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(new[] { source }, null, expected);

    /// <summary>Several source files and an optional .editorconfig body (without the [*] header).</summary>
    public static Task VerifyAsync(string[] sources, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Test();
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
