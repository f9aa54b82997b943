using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StreamJsonRpc;

namespace TokenPolicy.Package.Tests.Lsp;

/// <summary>
/// A small LSP client on StreamJsonRpc (HeaderDelimitedMessageHandler is LSP's Content-Length framing): initialize,
/// answer <c>workspace/configuration</c>, open and edit documents, and collect pushed diagnostics. Every wait is bounded
/// and its failure message carries the server's log (stderr and <c>window/logMessage</c>).
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private readonly LanguageServerProcess _server;
    private readonly JsonRpc _rpc;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<DiagnosticsPublication>> _publications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);
    private readonly List<string> _configurationSections = [];
    private TaskCompletionSource _published = NewSignal();
    private long _sequence;
    private bool _disposed;

    private LspClient(LanguageServerProcess server, bool analyzersEnabled)
    {
        _server = server;
        AnalyzersEnabled = analyzersEnabled;
        var formatter = new SystemTextJsonFormatter();
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(server.Input, server.Output, formatter));
        _rpc.AddLocalRpcTarget(new ClientEndpoint(this), new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
        _rpc.Disconnected += (_, e) =>
        {
            Log.Add("rpc", $"disconnected: {e.Reason} {e.Description}");
            Signal();
        };
        _rpc.StartListening();
    }

    /// <summary>The value this client answers for <c>csharp.analyzersEnabled</c>.</summary>
    public bool AnalyzersEnabled { get; }

    public ServerLog Log => _server.Log;

    /// <summary>The result of <c>initialize</c>.</summary>
    public JsonElement ServerCapabilities { get; private set; }

    /// <summary>Every <c>workspace/configuration</c> section the server asked for, in order.</summary>
    public IReadOnlyList<string> ConfigurationSectionsRequested
    {
        get
        {
            lock (_gate)
            {
                return _configurationSections.ToList();
            }
        }
    }

    /// <summary>Connects to the server and runs <c>initialize</c> / <c>initialized</c> for one workspace folder.</summary>
    public static async Task<LspClient> StartAsync(LanguageServerProcess server, string workspaceFolder, bool analyzersEnabled, TimeSpan timeout)
    {
        var client = new LspClient(server, analyzersEnabled);
        try
        {
            await client.InitializeAsync(workspaceFolder, timeout);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static string UriOf(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private async Task InitializeAsync(string workspaceFolder, TimeSpan timeout)
    {
        var rootUri = UriOf(workspaceFolder);
        var parameters = new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "TokenPolicy.Package.Tests", version = "1" },
            rootUri,
            workspaceFolders = new[] { new { uri = rootUri, name = Path.GetFileName(workspaceFolder) } },
            capabilities = new
            {
                workspace = new
                {
                    configuration = true,
                    workspaceFolders = true,
                    didChangeConfiguration = new { dynamicRegistration = false },
                },
                // No textDocument.diagnostic capability: the server pushes textDocument/publishDiagnostics.
                textDocument = new
                {
                    synchronization = new { dynamicRegistration = false, didSave = true },
                    publishDiagnostics = new { relatedInformation = false, versionSupport = false },
                },
                window = new { workDoneProgress = false },
            },
            trace = "off",
        };

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            ServerCapabilities = await _rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", parameters, cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or RemoteRpcException or ConnectionLostException)
        {
            throw Failure($"initialize did not complete within {timeout.TotalSeconds:F0} s ({ex.GetType().Name}: {ex.Message})");
        }

        await _rpc.NotifyWithParameterObjectAsync("initialized", new { });
    }

    /// <summary><c>textDocument/didOpen</c> with the file's text (version 1).</summary>
    public Task OpenAsync(string path, string text)
    {
        var full = Path.GetFullPath(path);
        lock (_gate)
        {
            _versions[full] = 1;
        }

        return _rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new
        {
            textDocument = new { uri = UriOf(full), languageId = "csharp", version = 1, text },
        });
    }

    /// <summary>
    /// <c>textDocument/didChange</c> inserting <paramref name="text"/> at <paramref name="at"/> (an incremental change,
    /// as an editor sends a keystroke or a paste). Returns the sequence number of the last publication before the change
    /// and the timestamp (<see cref="Stopwatch.GetTimestamp"/>) just before it was sent.
    /// </summary>
    public async Task<(long AfterSequence, long SentTimestamp)> InsertAsync(string path, LspPosition at, string text)
    {
        var full = Path.GetFullPath(path);
        int version;
        long sequence;
        lock (_gate)
        {
            version = _versions[full] + 1;
            _versions[full] = version;
            sequence = _sequence;
        }

        var position = new { line = at.Line, character = at.Character };
        var sent = Stopwatch.GetTimestamp();
        await _rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri = UriOf(full), version },
            contentChanges = new[] { new { range = new { start = position, end = position }, text } },
        });
        return (sequence, sent);
    }

    /// <summary>
    /// The first <c>publishDiagnostics</c> for <paramref name="path"/> after <paramref name="afterSequence"/> that
    /// satisfies <paramref name="until"/>; fails after <paramref name="timeout"/> with what was last published and the server's log.
    /// </summary>
    public async Task<DiagnosticsPublication> WaitForDiagnosticsAsync(
        string path, Func<DiagnosticsPublication, bool> until, TimeSpan timeout, string what, long afterSequence = 0)
    {
        var full = Path.GetFullPath(path);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_publications.TryGetValue(full, out var list))
                {
                    var match = list.FirstOrDefault(p => p.Sequence > afterSequence && until(p));
                    if (match is not null)
                    {
                        return match;
                    }
                }

                signal = _published.Task;
            }

            if (_server.HasExited || _rpc.Completion.IsCompleted)
            {
                throw Failure($"{what}: the server is gone (exit code {_server.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}) before it was published", full);
            }

            var remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                throw Failure($"{what}: not published within {timeout.TotalSeconds:F0} s", full);
            }

            await Task.WhenAny(signal, Task.Delay(TimeSpan.FromSeconds(Math.Min(1.0, (double)remaining / Stopwatch.Frequency))));
        }
    }

    /// <summary>The last publication for a file, if any.</summary>
    public DiagnosticsPublication? LastPublication(string path)
    {
        lock (_gate)
        {
            return _publications.TryGetValue(Path.GetFullPath(path), out var list) && list.Count > 0 ? list[^1] : null;
        }
    }

    /// <summary>An exception whose message has the server's command, its last publication for the file and its log.</summary>
    public LanguageServerException Failure(string message, string? path = null)
    {
        var last = path is null ? null : LastPublication(path);
        var published = path is null
            ? ""
            : last is null
                ? $"\nnothing was published for {path}"
                : $"\nlast publication for {Path.GetFileName(path)} (#{last.Sequence}):\n{last.Describe()}";
        return new LanguageServerException(
            $"{message}{published}\nconfiguration sections requested: [{string.Join(", ", ConfigurationSectionsRequested)}]" +
            $"\n--- server: {_server.CommandLine} ---\n{Log.Tail()}");
    }

    /// <summary>LSP <c>shutdown</c> and <c>exit</c>, bounded; then the process is ended in any case.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_server.HasExited && !_rpc.Completion.IsCompleted)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _rpc.InvokeWithParameterObjectAsync<JsonElement?>("shutdown", null, cts.Token);
                await _rpc.NotifyWithParameterObjectAsync("exit", null);
            }
            catch (Exception ex) when (ex is OperationCanceledException or RemoteRpcException or ConnectionLostException or ObjectDisposedException or IOException)
            {
                Log.Add("client", $"shutdown: {ex.GetType().Name}: {ex.Message}");
            }
        }

        _server.Stop(TimeSpan.FromSeconds(5));
        _rpc.Dispose();
        _server.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            signal = _published;
            _published = NewSignal();
        }

        signal.TrySetResult();
    }

    private void OnPublish(JsonElement parameters)
    {
        var received = Stopwatch.GetTimestamp();
        var uri = parameters.GetProperty("uri").GetString()!;
        var path = Path.GetFullPath(new Uri(uri).LocalPath);
        var diagnostics = parameters.GetProperty("diagnostics").EnumerateArray().Select(LspDiagnostic.Parse).ToList();
        lock (_gate)
        {
            if (!_publications.TryGetValue(path, out var list))
            {
                _publications[path] = list = [];
            }

            list.Add(new DiagnosticsPublication(path, ++_sequence, received, diagnostics));
            if (list.Count > 1_000)
            {
                list.RemoveRange(0, list.Count - 1_000);
            }
        }

        Signal();
    }

    private object?[] OnConfiguration(JsonElement parameters)
    {
        var items = parameters.GetProperty("items").EnumerateArray().ToList();
        var answers = new object?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var section = items[i].TryGetProperty("section", out var s) ? s.GetString() ?? "" : "";
            lock (_gate)
            {
                _configurationSections.Add(section);
            }

            answers[i] = section switch
            {
                "csharp" => new Dictionary<string, object> { ["analyzersEnabled"] = AnalyzersEnabled },
                "csharp.analyzersEnabled" => AnalyzersEnabled,
                _ => null,
            };
        }

        Log.Add("client", $"workspace/configuration [{string.Join(", ", items.Select(i => i.GetRawText()))}] answered with analyzersEnabled={AnalyzersEnabled}");
        return answers;
    }

    /// <summary>The server-to-client methods: public, so StreamJsonRpc dispatches them by their LSP names.</summary>
    private sealed class ClientEndpoint(LspClient client)
    {
        private static readonly string[] Levels = ["", "error", "warning", "info", "log", "debug"];

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JsonElement parameters) => client.OnPublish(parameters);

        [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
        public object?[] Configuration(JsonElement parameters) => client.OnConfiguration(parameters);

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JsonElement parameters) => client.Log.Add("logMessage " + Level(parameters), Message(parameters));

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(JsonElement parameters) => client.Log.Add("showMessage " + Level(parameters), Message(parameters));

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public object? RegisterCapability(JsonElement parameters) => null;

        [JsonRpcMethod("client/unregisterCapability", UseSingleObjectParameterDeserialization = true)]
        public object? UnregisterCapability(JsonElement parameters) => null;

        [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
        public object? CreateProgress(JsonElement parameters) => null;

        [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
        public void Progress(JsonElement parameters)
        {
        }

        [JsonRpcMethod("workspace/diagnostic/refresh")]
        public object? DiagnosticRefresh() => null;

        [JsonRpcMethod("workspace/semanticTokens/refresh")]
        public object? SemanticTokensRefresh() => null;

        [JsonRpcMethod("workspace/inlayHint/refresh")]
        public object? InlayHintRefresh() => null;

        [JsonRpcMethod("workspace/codeLens/refresh")]
        public object? CodeLensRefresh() => null;

        private static string Level(JsonElement p) =>
            p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number && t.GetInt32() is var n && n >= 1 && n < Levels.Length
                ? Levels[n]
                : "?";

        private static string Message(JsonElement p) => p.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
    }
}

/// <summary>The server did not answer or publish in time, or went away; the message carries its log.</summary>
public sealed class LanguageServerException(string message) : Exception(message);
