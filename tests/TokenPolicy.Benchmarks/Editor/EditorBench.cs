using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TokenPolicy.Package.Tests;
using TokenPolicy.Package.Tests.Lsp;

namespace TokenPolicy.Benchmarks.Editor;

/// <summary>
/// Editor latency (issue 13): csharp-ls 0.28.0 serves a project around a real corpus; each edit types a new TP0001
/// violation (and a <c>#warning</c> marker that every configuration reports) into the open file with an incremental
/// <c>didChange</c>, and the time until the <c>publishDiagnostics</c> that shows it is recorded. "ours" waits for the
/// TP0001 at the typed call, "off" and "compilerOnly" for the marker, so all three measure "the edit is analysed and
/// shown". The server runs with a developer machine's environment (no CI variable).
/// </summary>
public static class EditorBench
{
    private sealed record Configuration(string Name, bool TokenPolicy, bool AnalyzersEnabled, string Description);

    private static readonly Configuration[] Configurations =
    [
        new("ours", TokenPolicy: true, AnalyzersEnabled: true, "TokenPolicy's analyzers + the SDK's default analyzers, csharp.analyzersEnabled=true"),
        new("off", TokenPolicy: false, AnalyzersEnabled: true, "the same project without TokenPolicy's analyzers, csharp.analyzersEnabled=true"),
        new("compilerOnly", TokenPolicy: false, AnalyzersEnabled: false, "csharp.analyzersEnabled=false: compiler diagnostics only"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        EditorOptions options;
        try
        {
            options = EditorOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(EditorOptions.Usage);
            return 64;
        }

        if (options.Help)
        {
            Console.WriteLine(EditorOptions.Usage);
            return 0;
        }

#if DEBUG
        Console.Error.WriteLine("warning: Debug build; run with -c Release for meaningful figures.");
#endif
        var repoRoot = FindRepoRoot();
        var analyzer = Path.Combine(AppContext.BaseDirectory, "TokenPolicy.Analyzers.dll");
        if (!File.Exists(analyzer))
        {
            Console.Error.WriteLine($"{analyzer} not found (it is built with the benchmark)");
            return 3;
        }

        var restore = DotNet.Run(repoRoot, CiEnvironment.DeveloperMachine, null, "tool", "restore");
        if (!restore.Succeeded)
        {
            Console.Error.WriteLine($"dotnet tool restore (csharp-ls from .config/dotnet-tools.json) failed\n{restore}");
            return 3;
        }

        var work = Path.Combine(Path.GetTempPath(), "tokenpolicy-editor-bench", $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..24]);
        var total = Stopwatch.StartNew();
        Console.WriteLine($"TokenPolicy editor latency: csharp-ls (.config/dotnet-tools.json), {Environment.ProcessorCount} cores, corpus {options.CorpusRoot} @ {options.CorpusCommit}, " +
                          $"file {EditorCorpusProject.Folder}/{EditorCorpusProject.EditedFile}, {options.Edits} measured edits per configuration (+{options.WarmupEdits} warm-up), load average {LoadAverage()}");
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var configuration in Configurations)
            {
                // Each server gets its own copy: no two design-time builds share an obj folder.
                files[configuration.Name] = EditorCorpusProject.Create(options.CorpusRoot, Path.Combine(work, configuration.Name), configuration.TokenPolicy ? analyzer : null);
            }

            // All three servers stay up and the edits are interleaved: edit k goes to each configuration in turn (the
            // order rotates with k), so a busy moment of the shared machine hits all of them alike.
            var sessions = new List<EditorSession>();
            try
            {
                foreach (var configuration in Configurations)
                {
                    var session = await EditorSession.StartAsync(repoRoot, configuration.Name, configuration.TokenPolicy, configuration.AnalyzersEnabled, files[configuration.Name]);
                    sessions.Add(session);
                    Console.WriteLine($"  {configuration.Name,-12} loaded in {session.LoadSeconds:F1} s; the file shows {session.TokenPolicyBefore} TokenPolicy and {session.CompilerErrorsBefore} compiler-error diagnostics before the edits");
                }

                for (var k = 1; k <= options.WarmupEdits + options.Edits; k++)
                {
                    for (var i = 0; i < sessions.Count; i++)
                    {
                        var session = sessions[(i + k) % sessions.Count];
                        var ms = await session.EditAsync(k);
                        if (k > options.WarmupEdits)
                        {
                            session.LatenciesMs.Add(ms);
                        }

                        await Task.Delay(options.PauseMs);
                    }

                    if (k == options.WarmupEdits || (k > options.WarmupEdits && (k - options.WarmupEdits) % 10 == 0))
                    {
                        Console.WriteLine($"  edit {k}: " + string.Join(" | ", sessions.Select(x => $"{x.Name} {(x.LatenciesMs.Count == 0 ? "warm-up" : $"p50 {Stats.Percentile(x.LatenciesMs, 50):F0} ms")}")));
                    }
                }
            }
            finally
            {
                foreach (var session in sessions)
                {
                    await session.DisposeAsync();
                }
            }

            var samples = sessions.ToDictionary(x => x.Name, x => x.LatenciesMs);
            var report = new JsonObject
            {
                ["schema"] = "tokenpolicy-benchmark-editor/1",
                ["server"] = "csharp-ls " + ToolVersion(repoRoot),
                ["machine"] = new JsonObject { ["processorCount"] = Environment.ProcessorCount, ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
                ["corpus"] = new JsonObject
                {
                    ["repository"] = "dapr/dotnet-sdk",
                    ["commit"] = options.CorpusCommit,
                    ["folder"] = EditorCorpusProject.Folder,
                    ["file"] = $"{EditorCorpusProject.Folder}/{EditorCorpusProject.EditedFile}",
                },
                ["settings"] = JsonSerializer.SerializeToNode(options),
            };
            var figures = new JsonObject();
            Console.WriteLine();
            Console.WriteLine($"didChange -> diagnostic shown, {options.Edits} edits per configuration (load average now {LoadAverage()}):");
            foreach (var configuration in Configurations)
            {
                var s = samples[configuration.Name];
                var p50 = Stats.Percentile(s, 50);
                var p99 = Stats.Percentile(s, 99);
                figures[$"{configuration.Name}.p50Ms"] = Math.Round(p50, 1);
                figures[$"{configuration.Name}.p99Ms"] = Math.Round(p99, 1);
                figures[$"{configuration.Name}.meanMs"] = Math.Round(s.Average(), 1);
                figures[$"{configuration.Name}.maxMs"] = Math.Round(s.Max(), 1);
                figures[$"{configuration.Name}.edits"] = s.Count;
                Console.WriteLine($"  {configuration.Name,-12} p50 {p50,6:F0} ms  p99 {p99,6:F0} ms  mean {s.Average(),6:F0} ms  max {s.Max(),6:F0} ms   {configuration.Description}");
            }

            var overheadP50 = Stats.Percentile(samples["ours"], 50) - Stats.Percentile(samples["off"], 50);
            var overheadP99 = Stats.Percentile(samples["ours"], 99) - Stats.Percentile(samples["off"], 99);
            figures["oursMinusOff.p50Ms"] = Math.Round(overheadP50, 1);
            figures["oursMinusOff.p99Ms"] = Math.Round(overheadP99, 1);
            Console.WriteLine($"  ours - off: p50 {overheadP50:+0;-0;0} ms, p99 {overheadP99:+0;-0;0} ms   ({total.Elapsed.TotalSeconds:F0} s in all)");
            var paired = samples["ours"].Zip(samples["off"], (o, f) => o - f).ToList();
            figures["oursMinusOff.pairedMedianMs"] = Math.Round(Stats.Median(paired), 1);
            Console.WriteLine($"  ours - off, median of the per-edit differences (edit k of ours vs edit k of off): {Stats.Median(paired):+0;-0;0} ms");
            report["figures"] = figures;
            report["loadAverageAtEnd"] = LoadAverage();
            report["sessions"] = new JsonArray(sessions.Select(x => (JsonNode)x.Json()).ToArray());

            if (options.JsonPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.JsonPath))!);
                File.WriteAllText(options.JsonPath, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                Console.WriteLine($"wrote {options.JsonPath}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is LanguageServerException or InvalidOperationException)
        {
            Console.Error.WriteLine("editor benchmark failed: " + ex.Message);
            return 3;
        }
        finally
        {
            if (options.Keep)
            {
                Console.WriteLine($"kept {work}");
            }
            else
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string ToolVersion(string repoRoot)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, ".config", "dotnet-tools.json")));
        return manifest.RootElement.GetProperty("tools").GetProperty("csharp-ls").GetProperty("version").GetString() ?? "?";
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TokenPolicy.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"TokenPolicy.sln was not found above {AppContext.BaseDirectory}.");
    }
}
