using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TokenPolicy.Benchmarks;
using TokenPolicy.Benchmarks.Analysis;
using TokenPolicy.Benchmarks.Client;
using TokenPolicy.Benchmarks.Corpus;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Contains("--editor"))
{
    return await TokenPolicy.Benchmarks.Editor.EditorBench.RunAsync(args); // editor latency: Editor/, its own options
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var total = Stopwatch.StartNew();
var report = new Report();
var out_ = Console.Out;

#if DEBUG
Console.Error.WriteLine("warning: Debug build; run with -c Release for meaningful figures.");
report.Note("build", "Debug");
#endif

// ------------------------------------------------------------------ machine and settings
var machine = new JsonObject
{
    ["processorCount"] = Environment.ProcessorCount,
    ["os"] = RuntimeInformation.OSDescription,
    ["arch"] = RuntimeInformation.ProcessArchitecture.ToString(),
    ["runtime"] = RuntimeInformation.FrameworkDescription,
    ["roslyn"] = typeof(Compilation).Assembly.GetName().Version?.ToString(),
    ["cpu"] = CpuModel(),
    ["serverGc"] = GCSettings.IsServerGC,
    ["loadAverageAtStart"] = LoadAverage(),
};
report.Root["schema"] = "tokenpolicy-benchmark/1";
report.Root["mode"] = options.Quick ? "quick" : "full";
report.Root["machine"] = machine;
report.Root["settings"] = JsonSerializer.SerializeToNode(options);
out_.WriteLine($"TokenPolicy benchmark ({(options.Quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, {machine["cpu"]}, {RuntimeInformation.FrameworkDescription}, Roslyn {machine["roslyn"]}, load average {machine["loadAverageAtStart"]}");

// ------------------------------------------------------------------ corpus
var sw = Stopwatch.StartNew();
BenchCorpus corpus;
if (options.CorpusDirectory is not null)
{
    corpus = BenchCorpus.FromDirectory(options.CorpusDirectory);
}
else
{
    var generated = new CorpusGenerator(options.Seed, options.Lines) { MinDocuments = options.Documents + 5 }.Generate();
    if (options.DumpCorpus is not null)
    {
        foreach (var file in generated.Files)
        {
            var path = Path.Combine(options.DumpCorpus, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }

    corpus = BenchCorpus.FromGenerated(generated, options.Seed);
}

out_.WriteLine($"corpus: {corpus.Description}: {corpus.Documents.Length} documents, {corpus.Lines:N0} lines, {corpus.Planted.Count} planted violations, {corpus.NearMisses} near-misses (built and parsed in {sw.Elapsed.TotalSeconds:F1} s)");
report.Root["corpus"] = new JsonObject
{
    ["description"] = corpus.Description,
    ["documents"] = corpus.Documents.Length,
    ["lines"] = corpus.Lines,
    ["planted"] = corpus.Planted.Count,
    ["plantedByRule"] = JsonSerializer.SerializeToNode(corpus.Planted.GroupBy(p => p.RuleId).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count())),
    ["nearMisses"] = corpus.NearMisses,
};

if (options.Stages)
{
    TokenPolicy.Benchmarks.Analysis.StageBench.Run(corpus, options.Reps, out_);
    return 0;
}

// ------------------------------------------------------------------ analyzer sets
var probe = corpus.CreateCompilation(false);
var ours = AnalyzerSets.DiscoverTokenPolicyAnalyzers(out var discoveryErrors);
foreach (var e in discoveryErrors)
{
    Console.Error.WriteLine("analyzer discovery: " + e);
}

var bannedSymbols = AnalyzerSets.CreateBannedSymbols(probe, out var bannedCount);
var bannedApi = AnalyzerSets.LoadBannedApiAnalyzers(out var bannedLocation);
var oursSet = new AnalyzerSet("TokenPolicy", ours, new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), "");
var bannedSet = new AnalyzerSet("BannedApiAnalyzers", bannedApi, AnalyzerSets.CreateBannedApiOptions(bannedSymbols), $"{bannedCount} banned symbols");

var floorAnalyzers = new List<DiagnosticAnalyzer>();
var floorProfiles = new JsonObject();
foreach (var analyzer in ours)
{
    RegistrationProfile profile;
    try
    {
        profile = RegistrationProfile.Record(analyzer, probe, oursSet.Options);
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"floor: could not record {analyzer.GetType().Name} ({ex.GetType().Name}: {ex.Message}); using the default mirror");
        profile = RegistrationProfile.Default();
    }

    floorAnalyzers.Add(new FloorAnalyzer(profile, analyzer.GetType().Name));
    floorProfiles[analyzer.GetType().Name] = profile.ToString();
}

if (floorAnalyzers.Count == 0)
{
    var profile = RegistrationProfile.Default();
    floorAnalyzers.Add(new FloorAnalyzer(profile, "(none)"));
    floorProfiles["(default)"] = profile.ToString();
}

var floorSet = new AnalyzerSet("Floor", floorAnalyzers.ToImmutableArrayOf(), oursSet.Options, "no-op mirrors");
AnalyzerSet? baselineSet = null;
AnalyzerSet? candidateSet = null;
if (options.BaselineAssembly is { } baselinePath && !options.ProfileOurs && !ours.IsEmpty)
{
    baselineSet = new AnalyzerSet("Baseline", AnalyzerSets.LoadBaselineAnalyzers(baselinePath), oursSet.Options, baselinePath);
    out_.WriteLine($"baseline: {string.Join(", ", baselineSet.Analyzers.Select(a => a.GetType().Name))} from {baselinePath}");

    // The A/B's other side is this build loaded the same way as the baseline (a load context of its own, used by no
    // other phase), not the "ours" mode: an A/A run (this build on both sides) measured ours/baseline 1.18, median of 9,
    // with the order shuffled (docs/performance.md, eleventh pass); "ours" is also the instance set the floor's
    // registrations were recorded from on the probe compilation and the one the per-document phase uses.
    var candidatePath = ours[0].GetType().Assembly.Location;
    candidateSet = new AnalyzerSet("Candidate", AnalyzerSets.LoadBaselineAnalyzers(candidatePath), oursSet.Options, candidatePath);
    out_.WriteLine($"candidate (this build, for the A/B): from {candidatePath}");
}

probe = null;

out_.WriteLine($"ours: {(ours.IsEmpty ? "NONE FOUND" : string.Join(", ", ours.Select(a => a.GetType().Name)))}");
foreach (var (name, profile) in floorProfiles)
{
    out_.WriteLine($"  registers ({name}): {profile}");
}

out_.WriteLine($"BannedApiAnalyzers: {string.Join(", ", bannedApi.Select(a => a.GetType().Name))} from {bannedLocation}; {bannedCount} banned symbols");
report.Root["analyzers"] = new JsonObject
{
    ["ours"] = new JsonArray(ours.Select(a => (JsonNode)JsonValue.Create(a.GetType().FullName!)!).ToArray()),
    ["bannedApi"] = new JsonArray(bannedApi.Select(a => (JsonNode)JsonValue.Create(a.GetType().FullName!)!).ToArray()),
    ["bannedSymbols"] = bannedCount,
    ["floorRegistrations"] = floorProfiles,
    ["concurrent"] = options.Concurrent,
};

// ------------------------------------------------------------------ interleaved repetitions
var bench = new AnalyzerBench(corpus, options.Concurrent);
var warmupBench = options.WarmupDocuments > 0 && options.WarmupDocuments < corpus.Documents.Length
    ? new AnalyzerBench(corpus.Slice(options.WarmupDocuments), options.Concurrent)
    : bench;
var compile = new ModeResults("compile");
var oursRes = new ModeResults("ours");
var bannedRes = new ModeResults("bannedApi");
var baselineRes = new ModeResults("baseline");
var candidateRes = new ModeResults("candidate");
var floorRes = new ModeResults("floor");
AnalyzerBench B(bool record) => record ? bench : warmupBench;
var modes = options.ProfileOurs
    ? new List<Func<bool, Task>> { record => B(record).RunAnalyzersAsync(oursSet, oursRes, record) }
    : new List<Func<bool, Task>>
{
    record => { B(record).RunCompile(compile, record); return Task.CompletedTask; },
    record => ours.IsEmpty ? Task.CompletedTask : B(record).RunAnalyzersAsync(oursSet, oursRes, record),
    record => B(record).RunAnalyzersAsync(bannedSet, bannedRes, record),
    record => B(record).RunAnalyzersAsync(floorSet, floorRes, record),
};
if (baselineSet is not null && candidateSet is not null)
{
    if (options.AbOnly)
    {
        // The A/B alone: compile (the ratios' denominator), the baseline and the candidate; every other figure is missing.
        modes.RemoveRange(1, modes.Count - 1);
    }

    modes.Add(record => B(record).RunAnalyzersAsync(baselineSet, baselineRes, record));
    modes.Add(record => B(record).RunAnalyzersAsync(candidateSet, candidateRes, record));
}

sw.Restart();
// A new order every repetition, shuffled from a fixed seed (the same orders in every run): rotating one fixed cycle kept
// each mode's predecessor the same in every repetition ("ours" always right after "compile"). This alone did not remove
// the A/A bias of the "ours" mode (docs/performance.md, eleventh pass); the candidate mode did.
var order = new Random(7919);
var sequence = Enumerable.Range(0, modes.Count).ToArray();
// Warm-up rounds (unmeasured): a fixed number, or (the default) until a round in which the JIT spent at most
// BenchOptions.QuietJitMs on any thread, so that the measured repetitions do not share the 2 cores with the runtime's
// background re-compilation of the compiler's hot methods.
async Task RunRound(bool record)
{
    order.Shuffle(sequence);
    foreach (var mode in sequence)
    {
        await modes[mode](record);
    }
}

var warmupJitMs = new JsonArray();
var warmupRounds = options.WarmupUntilQuiet ? BenchOptions.MaxWarmup : options.Warmup;
for (var round = 0; round < warmupRounds; round++)
{
    var jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
    await RunRound(record: false);

    var jitMs = (System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jitBefore).TotalMilliseconds;
    warmupJitMs.Add(Math.Round(jitMs, 1));
    var quiet = options.WarmupUntilQuiet && jitMs <= BenchOptions.QuietJitMs;
    out_.WriteLine($"  warm-up {round + 1}/{(options.WarmupUntilQuiet ? "auto" : options.Warmup.ToString(CultureInfo.InvariantCulture))} done ({sw.Elapsed.TotalSeconds:F1} s, process up {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds:F1} s): JIT {jitMs:F0} ms{(quiet ? ", quiet" : "")}");
    if (quiet)
    {
        break;
    }
}

if (options.WarmupUntilQuiet && warmupJitMs.Count == BenchOptions.MaxWarmup && warmupJitMs[^1]!.GetValue<double>() > BenchOptions.QuietJitMs)
{
    report.Note("warmup", $"the JIT was still busy after {BenchOptions.MaxWarmup} warm-up rounds ({warmupJitMs[^1]} ms in the last)");
}

report.Root["warmupJitMs"] = warmupJitMs;

for (var rep = 0; rep < options.Reps; rep++)
{
    await RunRound(record: true);

    out_.WriteLine($"  rep {rep + 1}/{options.Reps}: compile {(compile.Samples.Count == 0 ? "-" : compile.Samples[^1].WallMs.ToString("F0", CultureInfo.InvariantCulture) + $" ms, jit {compile.Samples[^1].JitMethods} in {compile.Samples[^1].JitMs:F0}")} ms | ours {Last(oursRes)} | BannedApi {Last(bannedRes)} | floor {Last(floorRes)}{(baselineSet is null ? "" : " | baseline " + Last(baselineRes) + " | candidate " + Last(candidateRes))}");
}

static string Last(ModeResults r) => r.Samples.Count == 0 ? "-" : $"wall {r.Samples[^1].WallMs:F0} ms, exec {r.Samples[^1].ExecMs:F1} ms, jit {r.Samples[^1].JitMethods} in {r.Samples[^1].JitMs:F0} ms, gc {r.Samples[^1].GcCount}/{r.Samples[^1].GcPauseMs:F0} ms";

var compileWall = Stats.Median(compile.Samples.Select(s => s.WallMs));
var compileAlloc = Stats.Median(compile.Samples.Select(s => s.AllocatedBytes));
report.Figure("compile.wallMs", compileWall);
report.Figure("compile.allocatedBytes", compileAlloc);
report.Figure("compile.cpuMs", Stats.Median(compile.Samples.Select(s => s.CpuMs)));
report.Figure("compile.errors", compile.CompilerErrors);
report.Figure("compile.gcPauseMs", Stats.Median(compile.Samples.Select(s => s.GcPauseMs)));

JsonObject ModeJson(ModeResults r, string key)
{
    var o = new JsonObject();
    if (r.Samples.Count == 0)
    {
        return o;
    }

    // Overheads are paired per repetition (same rep, same machine state) before taking the median.
    var n = Math.Min(r.Samples.Count, compile.Samples.Count);
    var overheadWall = Enumerable.Range(0, n).Select(i => r.Samples[i].WallMs - compile.Samples[i].WallMs);
    var overheadCpu = Enumerable.Range(0, n).Select(i => r.Samples[i].CpuMs - compile.Samples[i].CpuMs);
    var overheadAlloc = Enumerable.Range(0, n).Select(i => (double)(r.Samples[i].AllocatedBytes - compile.Samples[i].AllocatedBytes));
    report.Figure($"{key}.execMs", Stats.Median(r.Samples.Select(s => s.ExecMs)));
    report.Figure($"{key}.wallMs", Stats.Median(r.Samples.Select(s => s.WallMs)));
    report.Figure($"{key}.wallOverCompileMs", Stats.Median(overheadWall));
    report.Figure($"{key}.cpuMs", Stats.Median(r.Samples.Select(s => s.CpuMs)));
    report.Figure($"{key}.cpuOverCompileMs", Stats.Median(overheadCpu));
    report.Figure($"{key}.allocatedBytes", Stats.Median(r.Samples.Select(s => s.AllocatedBytes)));
    report.Figure($"{key}.allocatedOverCompileBytes", Stats.Median(overheadAlloc));
    report.Figure($"{key}.gcPauseMs", Stats.Median(r.Samples.Select(s => s.GcPauseMs)));
    o["execMsByAnalyzer"] = JsonSerializer.SerializeToNode(r.ExecMsByAnalyzer.ToDictionary(kv => kv.Key, kv => kv.Value / r.Samples.Count));
    o["execMsByAnalyzerPerRepetition"] = JsonSerializer.SerializeToNode(r.ExecMsByAnalyzerPerRepetition);
    o["analyzerExceptions"] = r.AnalyzerExceptions;
    o["findingsById"] = JsonSerializer.SerializeToNode(r.FindingsById);
    o["samples"] = JsonSerializer.SerializeToNode(r.Samples);
    return o;
}

report.Root["compile"] = new JsonObject { ["samples"] = JsonSerializer.SerializeToNode(compile.Samples), ["errors"] = compile.CompilerErrors };
report.Root["ours"] = ModeJson(oursRes, "ours");
report.Root["bannedApi"] = ModeJson(bannedRes, "bannedApi");
report.Root["floor"] = ModeJson(floorRes, "floor");
if (baselineSet is not null)
{
    // The A/B: this build (the candidate mode) over the baseline build's exec time, paired per repetition (the same
    // machine state) before the median.
    report.Root["baseline"] = ModeJson(baselineRes, "baseline");
    report.Root["candidate"] = ModeJson(candidateRes, "candidate");
    var pairs = Math.Min(candidateRes.Samples.Count, baselineRes.Samples.Count);
    var perRep = Enumerable.Range(0, pairs).Select(i => candidateRes.Samples[i].ExecMs / baselineRes.Samples[i].ExecMs).ToList();
    report.Figure("ratios.oursOverBaseline", Stats.Median(perRep));
    out_.WriteLine($"candidate/baseline exec, per repetition: {string.Join(" ", perRep.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}; median {Stats.Median(perRep).ToString("F3", CultureInfo.InvariantCulture)}");
}

double F(string key) => report.Get(key);
// A ratio over another mode's overhead (its time minus the paired compile) has no meaning when that overhead was,
// within the noise of a short run, zero or negative: recorded as undefined with the reason, not as missing.
void OverheadRatio(string key, string numerator, string denominator)
{
    var (n, d) = (F(numerator), F(denominator));
    if (double.IsFinite(n) && double.IsFinite(d) && d <= 0)
    {
        report.Undefined(key, $"{denominator} was {d:F1} (zero or below, within the run's noise): the ratio is undefined");
    }
    else
    {
        report.Figure(key, Stats.Ratio(n, d));
    }
}

report.Figure("ratios.oursOverCompile", Stats.Ratio(F("ours.execMs"), F("compile.wallMs")));
report.Figure("ratios.oursOverBannedApi", Stats.Ratio(F("ours.execMs"), F("bannedApi.execMs")));
report.Figure("ratios.oursOverFloor", Stats.Ratio(F("ours.execMs"), F("floor.execMs")));
report.Figure("ratios.wall.oursOverCompile", Stats.Ratio(F("ours.wallOverCompileMs"), F("compile.wallMs")));
OverheadRatio("ratios.wall.oursOverBannedApi", "ours.wallOverCompileMs", "bannedApi.wallOverCompileMs");
OverheadRatio("ratios.wall.oursOverFloor", "ours.wallOverCompileMs", "floor.wallOverCompileMs");
report.Figure("ratios.cpu.oursOverCompile", Stats.Ratio(F("ours.cpuOverCompileMs"), F("compile.cpuMs")));
OverheadRatio("ratios.cpu.oursOverBannedApi", "ours.cpuOverCompileMs", "bannedApi.cpuOverCompileMs");
OverheadRatio("ratios.cpu.oursOverFloor", "ours.cpuOverCompileMs", "floor.cpuOverCompileMs");

// Memory: what each set allocates over the compile it needs (issue 11 target: ours no more than BannedApiAnalyzers').
OverheadRatio("ratios.alloc.oursOverBannedApi", "ours.allocatedOverCompileBytes", "bannedApi.allocatedOverCompileBytes");

// ------------------------------------------------------------------ findings
static bool IsOurs(Diagnostic d) => d.Id.StartsWith("TP", StringComparison.Ordinal);
var oursFindings = oursRes.LastDiagnostics.Count(IsOurs);
var bannedFindings = bannedRes.LastDiagnostics.Count(d => d.Id == "RS0030");
if (!ours.IsEmpty)
{
    report.Figure("findings.oursPer100kLines", 100_000.0 * oursFindings / corpus.Lines);
}

report.Figure("findings.bannedApiPer100kLines", 100_000.0 * bannedFindings / corpus.Lines);
report.Root["findings"] = new JsonObject
{
    ["ours"] = oursFindings,
    ["bannedApi"] = bannedFindings,
    ["agreement"] = corpus.Planted.Count > 0 && !ours.IsEmpty ? Agreement(corpus, oursRes.LastDiagnostics.Where(IsOurs)) : null,
};

// ------------------------------------------------------------------ per-document latency
// Not in --profile-ours: a profile of that mode would otherwise mix in hundreds of per-document compilations.
if (!ours.IsEmpty && !options.ProfileOurs)
{
    sw.Restart();
    var perDoc = await bench.RunPerDocumentAsync(oursSet, floorSet, options.Documents, options.DocumentPasses);
    report.Figure("perDocument.documents", perDoc.Documents);
    report.Figure("perDocument.oursExecP50Ms", Stats.Percentile(perDoc.OursExecMs, 50));
    report.Figure("perDocument.oursExecP99Ms", Stats.Percentile(perDoc.OursExecMs, 99));
    report.Figure("perDocument.oursWallP50Ms", Stats.Percentile(perDoc.OursWallMs, 50));
    report.Figure("perDocument.oursWallP99Ms", Stats.Percentile(perDoc.OursWallMs, 99));
    report.Figure("perDocument.floorWallP50Ms", Stats.Percentile(perDoc.FloorWallMs, 50));
    report.Figure("perDocument.floorWallP99Ms", Stats.Percentile(perDoc.FloorWallMs, 99));
    report.Figure("perDocument.floorExecP99Ms", Stats.Percentile(perDoc.FloorExecMs, 99));
    report.Figure("perDocument.passes", options.DocumentPasses);
    report.Figure("perDocument.singlePass.oursExecP50Ms", Stats.Percentile(perDoc.FirstPassOursExecMs, 50));
    report.Figure("perDocument.singlePass.oursExecP99Ms", Stats.Percentile(perDoc.FirstPassOursExecMs, 99));
    report.Root["perDocumentSlowest"] = JsonSerializer.SerializeToNode(perDoc.Slowest.Select(s => new { s.Path, s.Lines, s.OursExecMs }));
    if (perDoc.Documents < 200)
    {
        report.Note("perDocument", $"only {perDoc.Documents} documents (fewer than 200 in the corpus)");
    }

    out_.WriteLine($"per-document: {perDoc.Documents} documents in {sw.Elapsed.TotalSeconds:F1} s");
}

// ------------------------------------------------------------------ client
if (options.SkipClient)
{
    report.Note("client", "skipped (--skip-client)");
}
else
{
    sw.Restart();
    try
    {
        var client = await ClientBench.RunAsync(options, report, out_);
        report.Root["client"] = client;
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"client benchmark failed: {ex}");
        report.Note("client", $"failed: {ex.GetType().Name}: {ex.Message}");
    }

    out_.WriteLine($"client: done in {sw.Elapsed.TotalSeconds:F1} s");
}

// ------------------------------------------------------------------ summary
report.Root["elapsedSeconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);
report.Root["loadAverageAtEnd"] = LoadAverage();
var targets = new (string Key, string Label, double Limit, bool AtLeast)[]
{
    ("ratios.oursOverCompile", "ours/compile (driver exec time)", 0.02, false),
    ("ratios.oursOverBannedApi", "ours/BannedApi (driver exec time)", 1.0, false),
    ("ratios.cpu.oursOverFloor", "ours/floor (CPU over compile)", 3.0, false),
    ("ratios.alloc.oursOverBannedApi", "ours/BannedApi (allocated over compile)", 1.0, false),
    ("perDocument.oursExecP99Ms", "per-document p99, ours (ms)", 5.0, false),
    ("client.resolve.bytesPerCall", "cached Resolve() bytes", 0.0, false),
    ("client.throughputRatio", "client/raw throughput", 0.95, true),
    ("client.parallel8.throughputRatio", "client/raw throughput, 8 in flight", 0.95, true),
};
var targetsJson = new JsonArray();
foreach (var t in targets)
{
    var v = report.Get(t.Key);
    bool? met = double.IsFinite(v) ? (t.AtLeast ? v >= t.Limit : v <= t.Limit) : null;
    targetsJson.Add(new JsonObject { ["figure"] = t.Key, ["label"] = t.Label, ["value"] = Report.Json(v), ["target"] = (t.AtLeast ? ">= " : "<= ") + t.Limit.ToString(CultureInfo.InvariantCulture), ["met"] = met });
}

report.Root["targets"] = targetsJson;
var missing = Report.Required.Where(k => !double.IsFinite(report.Get(k)) && !report.IsUndefined(k)).ToList();
report.Root["missing"] = new JsonArray(missing.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray());

Summary.Print(out_, report, corpus, targets, options);
if (options.JsonPath is not null)
{
    var dir = Path.GetDirectoryName(Path.GetFullPath(options.JsonPath));
    Directory.CreateDirectory(dir!);
    File.WriteAllText(options.JsonPath, report.Root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    out_.WriteLine($"wrote {options.JsonPath}");
}

out_.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
if (missing.Count > 0)
{
    Console.Error.WriteLine("MISSING FIGURES: " + string.Join(", ", missing));
    return 3;
}

var failures = oursRes.AnalyzerExceptions + bannedRes.AnalyzerExceptions + floorRes.AnalyzerExceptions;
if (failures > 0)
{
    Console.Error.WriteLine($"analyzer exceptions (AD0001): {failures}");
    return 4;
}

out_.WriteLine("benchmark: all figures produced");
return 0;

static JsonObject Agreement(BenchCorpus corpus, IEnumerable<Diagnostic> found)
{
    var planted = corpus.Planted.Select(p => (p.RuleId, p.Path, p.Line)).ToHashSet();
    var reported = found
        .Select(d => d.Location.GetLineSpan())
        .Zip(found, (span, d) => (d.Id, span.Path, span.StartLinePosition.Line + 1))
        .ToList();
    var result = new JsonObject();
    foreach (var rule in planted.Select(p => p.RuleId).Concat(reported.Select(r => r.Id)).Distinct().Order())
    {
        var p = planted.Where(x => x.RuleId == rule).ToHashSet();
        var r = reported.Where(x => x.Id == rule).ToList();
        var hits = r.Count(x => p.Contains(x));
        var found_ = r.Select(x => x).Where(x => p.Contains(x)).Distinct().Count();
        result[rule] = new JsonObject
        {
            ["planted"] = p.Count,
            ["reported"] = r.Count,
            ["reportedAtPlanted"] = hits,
            ["plantedFound"] = found_,
            ["plantedMissed"] = p.Count - found_,
            ["reportedElsewhere"] = r.Count - hits,
            ["missedSample"] = new JsonArray(p.Where(x => !r.Contains(x)).Take(5).Select(x => (JsonNode)JsonValue.Create($"{x.Path}:{x.Line}")!).ToArray()),
            ["elsewhereSample"] = new JsonArray(r.Where(x => !p.Contains(x)).Take(5).Select(x => (JsonNode)JsonValue.Create($"{x.Path}:{x.Item3}")!).ToArray()),
        };
    }

    return result;
}

// Other work on the machine skews every time figure; the load average is recorded so a reader can tell.
static string LoadAverage()
{
    try
    {
        return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
    }
    catch (IOException)
    {
        return "n/a";
    }
}

static string CpuModel()
{
    try
    {
        if (File.Exists("/proc/cpuinfo"))
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':') + 1)..].Trim();
            }
        }
    }
    catch (IOException)
    {
    }

    return RuntimeInformation.ProcessArchitecture.ToString();
}
