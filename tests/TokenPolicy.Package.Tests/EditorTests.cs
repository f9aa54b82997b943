using System.Diagnostics;
using TokenPolicy.Package.Tests.Lsp;
using Xunit.Abstractions;

namespace TokenPolicy.Package.Tests;

/// <summary>
/// "Developers see IDE warnings", proven in a real editor: csharp-ls 0.28.0 (the repository's local dotnet tool) serves
/// the consumer of the packed package over stdio, driven by a small LSP client (<see cref="LspClient"/>) that enables
/// analyzers through <c>workspace/configuration</c>. The editor must show exactly what the build reports (ids and
/// ranges), as warnings on a developer machine and as errors when the server runs with CI=true, and a violation typed
/// into the open file must be reported.
/// </summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class EditorTests
{
    private const string FileName = "CredentialFetcher.cs";

    /// <summary>Server start, design-time build of the consumer and first analysis, on 2 shared cores.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Bounded, and far above the ~0.5 s a developer sees: this is a correctness test, not a benchmark.</summary>
    private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(60);

    private static readonly object RestoreGate = new();
    private static ProcessResult? s_toolRestore;

    private readonly PackageFixture _fixture;
    private readonly ITestOutputHelper _output;

    public EditorTests(PackageFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task Csharp_ls_shows_TP0001_and_TP0002_as_warnings_and_reports_a_violation_typed_into_the_open_file()
    {
        var consumer = _fixture.NewConsumer("editor");
        var expected = ReferenceDiagnostics(consumer);
        var path = consumer.PathOf(FileName);
        var text = File.ReadAllText(path);
        var clock = Stopwatch.StartNew();

        await using var editor = await StartEditorAsync(consumer, CiEnvironment.DeveloperMachine);
        await editor.OpenAsync(path, text);
        var shown = await editor.WaitForDiagnosticsAsync(path, p => SameTokenPolicy(p, expected), LoadTimeout,
            $"the build's TokenPolicy diagnostics of {FileName}:\n{Describe(expected)}");
        _output.WriteLine($"diagnostics shown {clock.Elapsed.TotalSeconds:F1} s after the server started:\n{shown.Describe()}");

        Assert.Contains("csharp", editor.ConfigurationSectionsRequested);
        Assert.All(TokenPolicy(shown), d => Assert.True(d.Severity == LspDiagnostic.Warning, $"expected severity 2 (warning) on a developer machine: {d}"));

        // Type a new violation into the open file, just before the class's closing brace: an incremental didChange.
        var lines = text.Split('\n');
        var closing = Array.FindLastIndex(lines, l => l.TrimEnd('\r') == "}");
        Assert.True(closing > 0, $"no closing brace line in {FileName}");
        const string Typed = "    public string ReadTokenAgain() => File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\");\n\n";
        var call = new LspRange(
            new LspPosition(closing, Typed.IndexOf("File.ReadAllText", StringComparison.Ordinal)),
            new LspPosition(closing, Typed.IndexOf(");", StringComparison.Ordinal) + 1));

        var (afterSequence, sent) = await editor.InsertAsync(path, new LspPosition(closing, 0), Typed);
        var updated = await editor.WaitForDiagnosticsAsync(path,
            p => TokenPolicy(p).Any(d => d.Code == "TP0001" && d.Range == call), EditTimeout,
            $"TP0001 at {call} for the typed line\n{Typed}", afterSequence);
        var latency = Stopwatch.GetElapsedTime(sent, updated.ReceivedTimestamp);
        _output.WriteLine($"didChange -> new TP0001 published in {latency.TotalMilliseconds:F0} ms:\n{updated.Describe()}");

        var typed = TokenPolicy(updated).Single(d => d.Range == call);
        Assert.Equal(LspDiagnostic.Warning, typed.Severity);
        Assert.Contains("service-account token file", typed.Message);
        // Everything above the insertion keeps its place: the earlier findings are all still shown, nothing else is new.
        Assert.True(SameTokenPolicy(updated, [.. expected, ("TP0001", call)]),
            $"after the edit, expected the build's diagnostics plus TP0001 at {call}:\n{updated.Describe()}\n--- server ---\n{editor.Log.Tail(60)}");
    }

    [Fact]
    public async Task Csharp_ls_run_with_CI_true_shows_TP0001_and_TP0002_as_errors()
    {
        var consumer = _fixture.NewConsumer("editor-ci");
        var expected = ReferenceDiagnostics(consumer);
        var path = consumer.PathOf(FileName);

        // Only the server's environment says CI (the build above ran as a developer machine).
        await using var editor = await StartEditorAsync(consumer, CiEnvironment.CiTrue);
        await editor.OpenAsync(path, File.ReadAllText(path));
        var shown = await editor.WaitForDiagnosticsAsync(path,
            p => SameTokenPolicy(p, expected) && TokenPolicy(p).All(d => d.Severity == LspDiagnostic.Error), LoadTimeout,
            $"the build's TokenPolicy diagnostics of {FileName}, all with severity 1 (error):\n{Describe(expected)}");
        _output.WriteLine(shown.Describe());

        Assert.Contains(TokenPolicy(shown), d => d.Code == "TP0001");
        Assert.Contains(TokenPolicy(shown), d => d.Code == "TP0002");
    }

    /// <summary>
    /// What the compiler reports for the file, with end positions (<c>-p:ErrorEndLocation=true</c>), converted to LSP
    /// ranges (zero-based, end exclusive): the editor must show the same.
    /// </summary>
    private List<(string Id, LspRange Range)> ReferenceDiagnostics(Consumer consumer)
    {
        var build = consumer.Build(CiEnvironment.DeveloperMachine, "-p:ErrorEndLocation=true");
        Assert.True(build.Succeeded, build.ToString());
        var expected = build.TokenPolicy
            .Where(d => Path.GetFileName(d.File) == FileName && d.Id is "TP0001" or "TP0002")
            .Select(d =>
            {
                Assert.True(d.EndLine > 0, $"no end location in the build output: {d}");
                return (d.Id, new LspRange(new LspPosition(d.Line - 1, d.Column - 1), new LspPosition(d.EndLine - 1, d.EndColumn - 1)));
            })
            .Distinct()
            .ToList();
        Assert.True(expected.Count(e => e.Id == "TP0001") >= 2 && expected.Any(e => e.Id == "TP0002"),
            $"the sample should have TP0001 and TP0002 findings in {FileName}:\n{build}");
        return expected;
    }

    private async Task<LspClient> StartEditorAsync(Consumer consumer, CiEnvironment ci)
    {
        EnsureServerInstalled();
        var server = LanguageServerProcess.StartCSharpLs(
            _fixture.RepoRoot,
            env => ChildEnvironment.Apply(env, ci, _fixture.ConsumerEnvironment),
            "--loglevel", "info");
        try
        {
            return await LspClient.StartAsync(server, consumer.Directory, analyzersEnabled: true, LoadTimeout);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>
    /// csharp-ls comes from the repository's tool manifest (.config/dotnet-tools.json); .ci/run restores it, and so does
    /// this (a no-op when restored), so that `dotnet test` alone works on a fresh clone too.
    /// </summary>
    private void EnsureServerInstalled()
    {
        lock (RestoreGate)
        {
            s_toolRestore ??= DotNet.Run(_fixture.RepoRoot, CiEnvironment.DeveloperMachine, null, "tool", "restore");
        }

        Assert.True(s_toolRestore.Succeeded, $"dotnet tool restore (csharp-ls from .config/dotnet-tools.json) failed\n{s_toolRestore}");
    }

    private static List<LspDiagnostic> TokenPolicy(DiagnosticsPublication publication) =>
        publication.Diagnostics.Where(d => d.Code is "TP0001" or "TP0002").ToList();

    private static bool SameTokenPolicy(DiagnosticsPublication publication, IEnumerable<(string Id, LspRange Range)> expected) =>
        TokenPolicy(publication).Select(d => (d.Code!, d.Range)).ToHashSet().SetEquals(expected)
        && TokenPolicy(publication).Count == expected.Count();

    private static string Describe(IEnumerable<(string Id, LspRange Range)> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => $"  {d.Range} {d.Id}"));
}
