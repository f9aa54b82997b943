using System.Diagnostics;
using System.Text.Json.Nodes;
using TokenPolicy.Package.Tests;
using TokenPolicy.Package.Tests.Lsp;

namespace TokenPolicy.Benchmarks.Editor;

/// <summary>
/// One csharp-ls serving one configuration of the corpus project, with the edited file open. Each edit types, just
/// before the class's closing brace, a member that reads the service-account token file (TP0001) and a
/// <c>#warning</c> marker (CS1030, reported by every configuration); its latency is from the <c>didChange</c> to the
/// <c>publishDiagnostics</c> that shows the edit: the TP0001 at the typed call when TokenPolicy is on, else the marker.
/// </summary>
public sealed class EditorSession : IAsyncDisposable
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan EditTimeout = TimeSpan.FromSeconds(60);

    private readonly LspClient _client;
    private readonly string _path;
    private readonly string _newline;
    private int _closingLine;

    private EditorSession(string name, bool tokenPolicy, LspClient client, string path, string newline, int closingLine)
    {
        Name = name;
        TokenPolicy = tokenPolicy;
        _client = client;
        _path = path;
        _newline = newline;
        _closingLine = closingLine;
    }

    public string Name { get; }

    public bool TokenPolicy { get; }

    public double LoadSeconds { get; private set; }

    public int TokenPolicyBefore { get; private set; }

    public int CompilerErrorsBefore { get; private set; }

    public List<double> LatenciesMs { get; } = [];

    /// <summary>Starts the server, opens the file and waits (bounded) for edit 0, i.e. for the project to be loaded and analysed.</summary>
    public static async Task<EditorSession> StartAsync(string repoRoot, string name, bool tokenPolicy, bool analyzersEnabled, string path)
    {
        var started = Stopwatch.StartNew();
        var server = LanguageServerProcess.StartCSharpLs(repoRoot, env => ChildEnvironment.Apply(env, CiEnvironment.DeveloperMachine, null), "--loglevel", "info");
        LspClient client;
        try
        {
            // The project folder: the edited file is in its src/ folder.
            client = await LspClient.StartAsync(server, Path.GetDirectoryName(Path.GetDirectoryName(path))!, analyzersEnabled, LoadTimeout);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        try
        {
            var text = File.ReadAllText(path);
            var closing = Array.FindLastIndex(text.Split('\n'), l => l.TrimEnd('\r') == "}");
            if (closing < 0)
            {
                throw new InvalidOperationException($"no closing brace line in {path}");
            }

            var session = new EditorSession(name, tokenPolicy, client, path, text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", closing);
            await client.OpenAsync(path, text);
            var (first, _) = await session.EditCoreAsync(0, LoadTimeout);
            session.LoadSeconds = started.Elapsed.TotalSeconds;
            // What the file showed with the first edit: the corpus's own findings, and whether it compiles.
            session.TokenPolicyBefore = first.Diagnostics.Count(d => d.Code?.StartsWith("TP", StringComparison.Ordinal) == true && d.Range.Start.Line < closing);
            session.CompilerErrorsBefore = first.Diagnostics.Count(d => d.Severity == LspDiagnostic.Error && d.Code?.StartsWith("CS", StringComparison.Ordinal) == true);
            return session;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Types edit <paramref name="k"/> and returns the milliseconds from its didChange to the publication that shows it.</summary>
    public async Task<double> EditAsync(int k)
    {
        var (shown, sent) = await EditCoreAsync(k, EditTimeout);
        return Stopwatch.GetElapsedTime(sent, shown.ReceivedTimestamp).TotalMilliseconds;
    }

    private async Task<(DiagnosticsPublication Shown, long SentTimestamp)> EditCoreAsync(int k, TimeSpan timeout)
    {
        var marker = $"editor-probe-{k}-end";
        var member = $"    private string EditorProbe{k}() => File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\");";
        var call = new LspRange(
            new LspPosition(_closingLine, member.IndexOf("File.ReadAllText", StringComparison.Ordinal)),
            new LspPosition(_closingLine, member.LastIndexOf(')') + 1));
        var (after, sent) = await _client.InsertAsync(_path, new LspPosition(_closingLine, 0), member + _newline + "#warning " + marker + _newline);
        var shown = await _client.WaitForDiagnosticsAsync(
            _path,
            p => p.Diagnostics.Any(d => d.Code == "CS1030" && d.Message.Contains(marker, StringComparison.Ordinal))
                 && (!TokenPolicy || p.Diagnostics.Any(d => d.Code == "TP0001" && d.Range == call)),
            timeout,
            $"{Name}: edit {k} ({(TokenPolicy ? $"TP0001 at {call} and " : "")}#warning {marker})",
            after);
        _closingLine += 2;
        if (!TokenPolicy && shown.Diagnostics.Any(d => d.Code?.StartsWith("TP", StringComparison.Ordinal) == true))
        {
            throw new InvalidOperationException($"{Name}: a TokenPolicy diagnostic was shown without TokenPolicy's analyzers\n{shown.Describe()}");
        }

        return (shown, sent);
    }

    public JsonObject Json() => new()
    {
        ["configuration"] = Name,
        ["loadSeconds"] = Math.Round(LoadSeconds, 2),
        ["tokenPolicyDiagnosticsBeforeEdits"] = TokenPolicyBefore,
        ["compilerErrorsBeforeEdits"] = CompilerErrorsBefore,
        ["latenciesMs"] = new JsonArray(LatenciesMs.Select(l => (JsonNode)JsonValue.Create(Math.Round(l, 1))!).ToArray()),
    };

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
