using System.Globalization;
using System.Text.Json.Nodes;
using TokenPolicy.Benchmarks.Corpus;

namespace TokenPolicy.Benchmarks;

/// <summary>Prints the run as Markdown tables (pasteable into docs/performance.md).</summary>
public static class Summary
{
    public static void Print(TextWriter w, Report r, BenchCorpus corpus, (string Key, string Label, double Limit, bool AtLeast)[] targets, BenchOptions o)
    {
        string N(string key, string format = "F1")
        {
            var v = r.Get(key);
            return double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "MISSING";
        }

        string Mb(string key)
        {
            var v = r.Get(key);
            return double.IsFinite(v) ? (v / (1024 * 1024)).ToString("F1", CultureInfo.InvariantCulture) : "MISSING";
        }

        w.WriteLine();
        w.WriteLine($"## Analyzer cost ({corpus.Lines:N0} lines, {corpus.Documents.Length} documents, {o.Reps} interleaved reps, medians, {(o.Concurrent ? "concurrent" : "single-threaded")})");
        w.WriteLine();
        w.WriteLine("| mode | wall ms | CPU ms | driver exec ms | wall over compile ms | CPU over compile ms | allocated MB | allocated over compile MB |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        w.WriteLine($"| (a) compile, no analyzers | {N("compile.wallMs", "F0")} | {N("compile.cpuMs", "F0")} | - | - | - | {Mb("compile.allocatedBytes")} | - |");
        foreach (var (key, label) in new[] { ("ours", "(b) TokenPolicy analyzers"), ("bannedApi", "(c) BannedApiAnalyzers"), ("floor", "(d) no-op floor") })
        {
            w.WriteLine($"| {label} | {N(key + ".wallMs", "F0")} | {N(key + ".cpuMs", "F0")} | {N(key + ".execMs", "F1")} | {N(key + ".wallOverCompileMs", "F0")} | {N(key + ".cpuOverCompileMs", "F0")} | {Mb(key + ".allocatedBytes")} | {Mb(key + ".allocatedOverCompileBytes")} |");
        }

        w.WriteLine();
        w.WriteLine("| ratio | driver exec time | CPU over compile | wall over compile |");
        w.WriteLine("|---|---:|---:|---:|");
        w.WriteLine($"| ours / compile | {N("ratios.oursOverCompile", "F4")} | {N("ratios.cpu.oursOverCompile", "F4")} | {N("ratios.wall.oursOverCompile", "F4")} |");
        w.WriteLine($"| ours / BannedApi | {N("ratios.oursOverBannedApi", "F3")} | {N("ratios.cpu.oursOverBannedApi", "F3")} | {N("ratios.wall.oursOverBannedApi", "F3")} |");
        w.WriteLine($"| ours / floor | {N("ratios.oursOverFloor", "F2")} | {N("ratios.cpu.oursOverFloor", "F2")} | {N("ratios.wall.oursOverFloor", "F2")} |");
        w.WriteLine();
        w.WriteLine($"| per document ({N("perDocument.documents", "F0")} docs, one at a time, best of {N("perDocument.passes", "F0")} passes) | p50 ms | p99 ms |");
        w.WriteLine("|---|---:|---:|");
        w.WriteLine($"| ours, driver exec time | {N("perDocument.oursExecP50Ms", "F3")} | {N("perDocument.oursExecP99Ms", "F3")} |");
        w.WriteLine($"| ours, driver exec time, first pass only | {N("perDocument.singlePass.oursExecP50Ms", "F3")} | {N("perDocument.singlePass.oursExecP99Ms", "F3")} |");
        w.WriteLine($"| ours, wall (binding + driver + ours) | {N("perDocument.oursWallP50Ms", "F2")} | {N("perDocument.oursWallP99Ms", "F2")} |");
        w.WriteLine($"| floor, wall (binding + driver + no-op) | {N("perDocument.floorWallP50Ms", "F2")} | {N("perDocument.floorWallP99Ms", "F2")} |");
        w.WriteLine();
        var findings = r.Root["findings"] as JsonObject;
        w.WriteLine("| findings | count | per 100k lines |");
        w.WriteLine("|---|---:|---:|");
        w.WriteLine($"| TokenPolicy (TP*) | {findings?["ours"]} | {N("findings.oursPer100kLines", "F1")} |");
        w.WriteLine($"| BannedApiAnalyzers (RS0030) | {findings?["bannedApi"]} | {N("findings.bannedApiPer100kLines", "F1")} |");
        if (findings?["agreement"] is JsonObject agreement)
        {
            w.WriteLine();
            w.WriteLine("| rule | planted | reported | planted found | planted missed | reported elsewhere |");
            w.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (rule, node) in agreement)
            {
                w.WriteLine($"| {rule} | {node?["planted"]} | {node?["reported"]} | {node?["plantedFound"]} | {node?["plantedMissed"]} | {node?["reportedElsewhere"]} |");
            }
        }

        w.WriteLine();
        w.WriteLine("| client | value |");
        w.WriteLine("|---|---:|");
        w.WriteLine($"| cached Resolve(): ns per call | {N("client.resolve.nsPerCall", "F1")} |");
        w.WriteLine($"| cached Resolve(): bytes per call | {N("client.resolve.bytesPerCall", "F3")} |");
        w.WriteLine($"| CredentialClient.GetAsync: requests/s | {N("client.credentialClient.requestsPerSecond", "F0")} |");
        w.WriteLine($"| raw HttpClient GET: requests/s | {N("client.rawHttpClient.requestsPerSecond", "F0")} |");
        w.WriteLine($"| CredentialClient / raw throughput | {N("client.throughputRatio", "F3")} |");
        w.WriteLine($"| (decomposition) raw GET through IHttpClientFactory + the same resilience pipeline: requests/s | {N("client.rawWithPipeline.requestsPerSecond", "F0")} |");
        w.WriteLine($"| 8 in flight: CredentialClient / raw throughput | {N("client.parallel8.throughputRatio", "F3")} |");
        w.WriteLine($"| CredentialClient bytes per fetch | {N("client.credentialClient.bytesPerRequest", "F0")} |");
        w.WriteLine($"| raw HttpClient bytes per fetch | {N("client.rawHttpClient.bytesPerRequest", "F0")} |");
        w.WriteLine($"| raw + pipeline bytes per fetch | {N("client.rawWithPipeline.bytesPerRequest", "F0")} |");
        w.WriteLine($"| Resolve() with a caller token: ns / bytes per call | {N("client.resolve.caller.nsPerCall", "F1")} / {N("client.resolve.caller.bytesPerCall", "F0")} |");
        w.WriteLine($"| Resolve() from BOT_TOKEN (file checked each call): ns / bytes per call | {N("client.resolve.botTokenVariable.nsPerCall", "F0")} / {N("client.resolve.botTokenVariable.bytesPerCall", "F0")} |");
        w.WriteLine();
        w.WriteLine("| target (issue 6) | value | target | met |");
        w.WriteLine("|---|---:|---:|---|");
        foreach (var t in targets)
        {
            var v = r.Get(t.Key);
            var met = !double.IsFinite(v) ? "MISSING" : (t.AtLeast ? v >= t.Limit : v <= t.Limit) ? "yes" : "NO";
            w.WriteLine($"| {t.Label} | {(double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "-")} | {(t.AtLeast ? ">=" : "<=")} {t.Limit.ToString(CultureInfo.InvariantCulture)} | {met} |");
        }

        if (r.Root["notes"] is JsonObject notes && notes.Count > 0)
        {
            w.WriteLine();
            foreach (var (k, v) in notes)
            {
                w.WriteLine($"note ({k}): {v}");
            }
        }

        w.WriteLine();
    }
}
