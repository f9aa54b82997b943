using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Benchmarks.Corpus;

namespace TokenPolicy.Benchmarks.Analysis;

/// <summary>One repetition of one mode.</summary>
/// <summary>One repetition of one mode: wall, process CPU (all threads), driver execution time, allocated bytes.</summary>
/// <summary>
/// One repetition of one mode. <see cref="GcPauseMs"/> and <see cref="GcCount"/>: the garbage collections during it (every
/// thread is stopped for a pause, so a pause that starts while an analyzer's callback runs counts in that analyzer's exec
/// time; with a compilation's live heap a single pause takes 100-250 ms on 2 cores, the main source of exec-time noise).
/// </summary>
/// <remarks>
/// <see cref="JitMethods"/> and <see cref="JitMs"/>: methods the JIT compiled during it, on any thread, and the time it spent
/// (<see cref="System.Runtime.JitInfo"/>): the runtime re-compiling the compiler's own hot methods at its optimizing tier runs
/// on a background thread, which on 2 cores takes a core from the compile or the analyzers for as long as it lasts.
/// </remarks>
public sealed record Sample(double WallMs, double CpuMs, double ExecMs, long AllocatedBytes, double GcPauseMs = 0, int GcCount = 0, long JitMethods = 0, double JitMs = 0);

public sealed class ModeResults
{
    public ModeResults(string name) => Name = name;

    public string Name { get; }

    public List<Sample> Samples { get; } = new();

    /// <summary>Diagnostics of the last repetition (analyzer modes) by ID.</summary>
    public SortedDictionary<string, int> FindingsById { get; } = new(StringComparer.Ordinal);

    public ImmutableArray<Diagnostic> LastDiagnostics { get; set; } = ImmutableArray<Diagnostic>.Empty;

    public int AnalyzerExceptions { get; set; }

    public int CompilerErrors { get; set; }

    public Dictionary<string, double> ExecMsByAnalyzer { get; } = new(StringComparer.Ordinal);

    /// <summary>Each recorded repetition's exec time by analyzer (the mean above hides which repetition a spike was in).</summary>
    public List<Dictionary<string, double>> ExecMsByAnalyzerPerRepetition { get; } = new();
}

public sealed record PerDocumentResults(
    int Documents,
    IReadOnlyList<double> OursWallMs,
    IReadOnlyList<double> OursExecMs,
    IReadOnlyList<double> FloorWallMs,
    IReadOnlyList<double> FloorExecMs,
    IReadOnlyList<double> FirstPassOursExecMs,
    IReadOnlyList<(string Path, int Lines, double OursExecMs)> Slowest);

/// <summary>Runs the compile / analyzer modes on fresh compilations of one parsed corpus.</summary>
public sealed class AnalyzerBench
{
    private readonly BenchCorpus _corpus;
    private readonly bool _concurrent;

    public AnalyzerBench(BenchCorpus corpus, bool concurrent)
    {
        _corpus = corpus;
        _concurrent = concurrent;
    }

    /// <summary>(a) compile: binding, flow analysis and diagnostics of every method body, no analyzers, no emit.</summary>
    public void RunCompile(ModeResults into, bool record)
    {
        var compilation = _corpus.CreateCompilation(_concurrent, freshTrees: true);
        Settle();
        var before = GC.GetTotalAllocatedBytes(true);
        var gc = GcNow();
        var jit = JitNow();
        var cpu = CpuNow();
        var sw = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        sw.Stop();
        var (pauseMs, collections) = GcSince(gc);
        var (jitMethods, jitMs) = JitSince(jit);
        var cpuMs = (CpuNow() - cpu).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        into.CompilerErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (record)
        {
            into.Samples.Add(new Sample(sw.Elapsed.TotalMilliseconds, cpuMs, 0, allocated, pauseMs, collections, jitMethods, jitMs));
        }
    }

    /// <summary>
    /// (b)/(c)/(d): the analyzer driver over a fresh compilation. Wall time includes the compile the driver needs to
    /// produce its events; ExecutionTime is the driver's own per-analyzer telemetry (time inside the analyzer's callbacks).
    /// </summary>
    public async Task RunAnalyzersAsync(AnalyzerSet set, ModeResults into, bool record)
    {
        // Fresh trees: every repetition is a one-shot build, as on the command line (no per-tree state carried over).
        var compilation = _corpus.CreateCompilation(_concurrent, freshTrees: true);
        Settle();
        var exceptions = 0;
        var options = new CompilationWithAnalyzersOptions(
            set.Options,
            onAnalyzerException: (_, _, _) => Interlocked.Increment(ref exceptions),
            concurrentAnalysis: _concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var before = GC.GetTotalAllocatedBytes(true);
        var gc = GcNow();
        var jit = JitNow();
        var cpu = CpuNow();
        var sw = Stopwatch.StartNew();
        var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        sw.Stop();
        var (pauseMs, collections) = GcSince(gc);
        var (jitMethods, jitMs) = JitSince(jit);
        var cpuMs = (CpuNow() - cpu).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(true) - before;

        var exec = TimeSpan.Zero;
        var byAnalyzer = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in set.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            exec += telemetry.ExecutionTime;
            if (record)
            {
                var key = analyzer is FloorAnalyzer floor ? $"FloorAnalyzer({floor.Mirrors})" : analyzer.GetType().Name;
                into.ExecMsByAnalyzer[key] = into.ExecMsByAnalyzer.GetValueOrDefault(key) + telemetry.ExecutionTime.TotalMilliseconds;
                byAnalyzer[key] = byAnalyzer.GetValueOrDefault(key) + Math.Round(telemetry.ExecutionTime.TotalMilliseconds, 2);
            }
        }

        if (record)
        {
            into.ExecMsByAnalyzerPerRepetition.Add(byAnalyzer);
        }

        into.AnalyzerExceptions = exceptions + diagnostics.Count(d => d.Id == "AD0001");
        into.LastDiagnostics = diagnostics;
        into.FindingsById.Clear();
        foreach (var d in diagnostics)
        {
            into.FindingsById[d.Id] = into.FindingsById.GetValueOrDefault(d.Id) + 1;
        }

        if (record)
        {
            into.Samples.Add(new Sample(sw.Elapsed.TotalMilliseconds, cpuMs, exec.TotalMilliseconds, allocated, pauseMs, collections, jitMethods, jitMs));
        }
    }

    /// <summary>
    /// Per-document latency the way the IDE asks: one CompilationWithAnalyzers per snapshot, then semantic analysis of one
    /// document at a time. Ours and the floor alternate per document, each on its own compilation.
    /// </summary>
    public async Task<PerDocumentResults> RunPerDocumentAsync(AnalyzerSet ours, AnalyzerSet floor, int count, int passes)
    {
        const int warmup = 3;
        var docs = _corpus.Documents;
        if (docs.Length < count + warmup)
        {
            count = Math.Max(0, docs.Length - warmup);
        }

        // Evenly spaced sample; the warm-up documents are outside it (a document analyzed twice is served from cache).
        var sample = new List<SyntaxTree>();
        var step = (double)(docs.Length - warmup) / Math.Max(1, count);
        for (var i = 0; i < count; i++)
        {
            sample.Add(docs[warmup + (int)(i * step)]);
        }

        // Each pass uses fresh sessions (a new snapshot); per document the best pass is kept, which removes the
        // scheduler's interference on a shared machine but not any cost of the analyzers themselves.
        var oursWall = Enumerable.Repeat(double.MaxValue, sample.Count).ToArray();
        var oursExec = Enumerable.Repeat(double.MaxValue, sample.Count).ToArray();
        var floorWall = Enumerable.Repeat(double.MaxValue, sample.Count).ToArray();
        var floorExec = Enumerable.Repeat(double.MaxValue, sample.Count).ToArray();
        var firstPassOursExec = new double[sample.Count];
        for (var pass = 0; pass < Math.Max(1, passes); pass++)
        {
            var oursSession = new DocumentSession(_corpus.CreateCompilation(false), ours);
            var floorSession = new DocumentSession(_corpus.CreateCompilation(false), floor);
            for (var i = 0; i < warmup; i++)
            {
                await oursSession.AnalyzeAsync(docs[i]).ConfigureAwait(false);
                await floorSession.AnalyzeAsync(docs[i]).ConfigureAwait(false);
            }

            Settle();
            for (var i = 0; i < sample.Count; i++)
            {
                var doc = sample[i];
                (double Wall, double Exec) o, f;
                if ((i + pass) % 2 == 0)
                {
                    o = await oursSession.AnalyzeAsync(doc).ConfigureAwait(false);
                    f = await floorSession.AnalyzeAsync(doc).ConfigureAwait(false);
                }
                else
                {
                    f = await floorSession.AnalyzeAsync(doc).ConfigureAwait(false);
                    o = await oursSession.AnalyzeAsync(doc).ConfigureAwait(false);
                }

                if (pass == 0)
                {
                    firstPassOursExec[i] = o.Exec;
                }

                oursWall[i] = Math.Min(oursWall[i], o.Wall);
                oursExec[i] = Math.Min(oursExec[i], o.Exec);
                floorWall[i] = Math.Min(floorWall[i], f.Wall);
                floorExec[i] = Math.Min(floorExec[i], f.Exec);
            }
        }

        var slowest = sample.Select((doc, i) => (doc.FilePath, doc.GetText().Lines.Count, oursExec[i]))
            .OrderByDescending(p => p.Item3).Take(5).ToList();
        return new PerDocumentResults(sample.Count, oursWall, oursExec, floorWall, floorExec, firstPassOursExec, slowest);
    }

    private sealed class DocumentSession
    {
        private readonly CompilationWithAnalyzers _cwa;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        public DocumentSession(Compilation compilation, AnalyzerSet set)
        {
            _analyzers = set.Analyzers;
            _cwa = compilation.WithAnalyzers(set.Analyzers, new CompilationWithAnalyzersOptions(
                set.Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        }

        public async Task<(double Wall, double Exec)> AnalyzeAsync(SyntaxTree tree)
        {
            var before = await ExecAsync().ConfigureAwait(false);
            var sw = Stopwatch.StartNew();
            var model = _cwa.Compilation.GetSemanticModel(tree);
            await _cwa.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
            sw.Stop();
            var after = await ExecAsync().ConfigureAwait(false);
            return (sw.Elapsed.TotalMilliseconds, (after - before).TotalMilliseconds);
        }

        private async Task<TimeSpan> ExecAsync()
        {
            var total = TimeSpan.Zero;
            foreach (var analyzer in _analyzers)
            {
                total += (await _cwa.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime;
            }

            return total;
        }
    }

    /// <summary>The process's garbage collection pause total and collection count so far.</summary>
    private static (TimeSpan Pause, int Count) GcNow() => (GC.GetTotalPauseDuration(), GC.CollectionCount(0));

    /// <summary>Methods compiled by the JIT so far (every thread) and the time spent compiling them.</summary>
    private static (long Methods, TimeSpan Time) JitNow()
        => (System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false), System.Runtime.JitInfo.GetCompilationTime(currentThread: false));

    private static (long Methods, double Ms) JitSince((long Methods, TimeSpan Time) start)
    {
        var now = JitNow();
        return (now.Methods - start.Methods, (now.Time - start.Time).TotalMilliseconds);
    }

    /// <summary>Pause milliseconds and collections (of any generation: each counts in gen 0's count) since <paramref name="start"/>.</summary>
    private static (double PauseMs, int Collections) GcSince((TimeSpan Pause, int Count) start)
        => ((GC.GetTotalPauseDuration() - start.Pause).TotalMilliseconds, GC.CollectionCount(0) - start.Count);

    private static TimeSpan CpuNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
