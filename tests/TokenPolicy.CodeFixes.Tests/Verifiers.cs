using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Rules;
using TokenPolicy.CodeFixes;
using TokenPolicy.Credentials;

namespace TokenPolicy.CodeFixes.Tests;

/// <summary>
/// Pinned, offline references: .NET 8 reference assemblies from Basic.Reference.Assemblies plus the REAL
/// TokenPolicy.Client assembly (and the Microsoft.Extensions assemblies its public surface refers to), so fixed code
/// is compiled against the client the fixes target. Nothing is downloaded at test time.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies Net80 = new("net8.0-pinned");

    public static readonly ImmutableArray<MetadataReference> Net80Assemblies =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

    public static readonly ImmutableArray<MetadataReference> Client = LoadClient();

    private static ImmutableArray<MetadataReference> LoadClient()
    {
        var client = typeof(ICredentialTokenResolver).Assembly;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        references.Add(MetadataReference.CreateFromFile(client.Location));
        var directory = Path.GetDirectoryName(client.Location)!;
        foreach (var name in client.GetReferencedAssemblies())
        {
            var path = Path.Combine(directory, name.Name + ".dll");
            if (name.Name!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && File.Exists(path))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutable();
    }
}

/// <summary>
/// Code-fix verifier for both rules: the real TP0001 and TP0002 analyzers, both fixers, C# preview, pinned references.
/// <c>FixedState</c> is checked by applying single fixes one at a time; <c>BatchFixedState</c> by FixAll in document,
/// project and solution scope. Compiler errors in the fixed code fail the test.
/// </summary>
public static class FixVerifier
{
    public sealed class Test : CSharpCodeFixTest<ServiceAccountTokenReadAnalyzer, ServiceAccountTokenReadCodeFixProvider, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                return solution.WithProjectMetadataReferences(projectId, project.MetadataReferences.Concat(TestReferences.Net80Assemblies).Concat(TestReferences.Client).Distinct());
            });
            // Compiler warnings unrelated to the fix (unused fields left behind) do not fail the test; errors do.
            CompilerDiagnostics = CompilerDiagnostics.Errors;
            // Diagnostics left in the fixed code (shapes without a fix) are written as markup there too.
            FixedState.MarkupHandling = MarkupMode.Allow;
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
            // FixAll in document scope for every test; project and solution scope in the tests that call AllScopes
            // (the same code path, and the slowest part of a test).
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
            BatchFixedState.MarkupHandling = MarkupMode.Allow;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Preview;

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override CompilationOptions CreateCompilationOptions()
            => ((CSharpCompilationOptions)base.CreateCompilationOptions())
                .WithNullableContextOptions(NullableContextOptions.Enable);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => new DiagnosticAnalyzer[] { new ServiceAccountTokenReadAnalyzer(), new HardcodedBearerTokenAnalyzer() };

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders()
            => new CodeFixProvider[] { new ServiceAccountTokenReadCodeFixProvider(), new HardcodedBearerTokenCodeFixProvider() };
    }

    /// <summary>Sources with both rules: FixAll runs once per rule (one diagnostic ID at a time, as dotnet format does).</summary>
    public static void BothRules(Test test)
    {
        test.NumberOfFixAllIterations = 2;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 2;
    }

    /// <summary>Also checks FixAll in project and solution scope (what <c>dotnet format analyzers</c> uses).</summary>
    public static void AllScopes(Test test)
        => test.CodeFixTestBehaviors &= ~(CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck);

    /// <summary>Top-level statements.</summary>
    public static void Executable(Test test) => test.TestState.OutputKind = OutputKind.ConsoleApplication;

    /// <summary>The default action: single fixes and FixAll give <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource, Action<Test>? configure = null)
        => RunAsync(source, fixedSource, fixedSource, null, configure);

    /// <summary>The second action ("Inject ICredentialTokenResolver through the constructor").</summary>
    public static Task VerifyInjectAsync(string source, string fixedSource, string? batchFixedSource = null, Action<Test>? configure = null)
        => RunAsync(source, fixedSource, batchFixedSource ?? fixedSource, EquivalenceKeys.InjectResolver, test =>
        {
            test.CodeActionIndex = 1;
            configure?.Invoke(test);
        });

    /// <summary>The diagnostics are reported and no fix is offered (the source stays as it is).</summary>
    public static Task VerifyNoFixAsync(string source, Action<Test>? configure = null)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        configure?.Invoke(test);
        return test.RunAsync(CancellationToken.None);
    }

    private static Task RunAsync(string source, string fixedSource, string batchFixedSource, string? equivalenceKey, Action<Test>? configure)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            BatchFixedCode = batchFixedSource,
            CodeActionEquivalenceKey = equivalenceKey ?? EquivalenceKeys.UseResolver,
        };
        if (equivalenceKey is null)
        {
            test.CodeActionIndex = 0;
        }

        configure?.Invoke(test);
        return test.RunAsync(CancellationToken.None);
    }
}
