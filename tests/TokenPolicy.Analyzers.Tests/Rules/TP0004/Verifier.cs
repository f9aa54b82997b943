using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using TokenPolicy.Analyzers.Rules;
using TokenPolicy.Credentials;

namespace TokenPolicy.Analyzers.Tests.Rules.TP0004;

/// <summary>
/// TP0004 verifier: the real analyzer, compiled against .NET 8 reference assemblies plus the REAL TokenPolicy.Client
/// and the Microsoft.Extensions assemblies beside it (IHttpClientFactory, AddHttpClient, IConfiguration), so every
/// shape is the one users write. Nothing is downloaded at test time.
/// </summary>
internal static class Verify
{
    private static readonly ImmutableArray<MetadataReference> Client = LoadClient();

    /// <summary>The usings every test source starts with (not part of the markup).</summary>
    public const string Usings = """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using TokenPolicy.Credentials;

        """;

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, null, expected);

    public static Task VerifyAsync(string[] sources, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<CredentialRequestAnalyzer>.Test();
        test.TestState.AdditionalReferences.AddRange(Client);
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", Usings + sources[i]));
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>An expected TP0004 at markup location <paramref name="index"/> with its message arguments.</summary>
    public static DiagnosticResult At(int index, string call, string endpoint, string authentication)
        => new DiagnosticResult(Descriptors.TP0004_UnsanctionedCredentialRequest).WithLocation(index).WithArguments(call, endpoint, authentication);

    public const string Flat = "{backend}/api/ambient/v1/credentials/{id}/token";
    public const string Project = "{backend}/api/ambient/v1/projects/{project}/credentials/{id}/token";
    public const string NoHeader = "no Authorization header at all";
    public const string Unfollowed = "an Authorization value from a value this analysis cannot follow";

    public static string FromEnv(string name) => "an Authorization value from environment variable '" + name + "'";

    private static ImmutableArray<MetadataReference> LoadClient()
    {
        var client = typeof(ICredentialTokenResolver).Assembly;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        references.Add(MetadataReference.CreateFromFile(client.Location));
        foreach (var path in Directory.GetFiles(Path.GetDirectoryName(client.Location)!, "Microsoft.Extensions.*.dll"))
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        return references.ToImmutable();
    }
}
