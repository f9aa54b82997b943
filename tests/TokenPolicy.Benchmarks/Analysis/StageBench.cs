using System.Diagnostics;
using Microsoft.CodeAnalysis;
using TokenPolicy.Analyzers.Candidates;
using TokenPolicy.Analyzers.Configuration;
using TokenPolicy.Analyzers.Evaluation;
using TokenPolicy.Analyzers.Sinks;
using TokenPolicy.Benchmarks.Corpus;

namespace TokenPolicy.Benchmarks.Analysis;

/// <summary>
/// `--stages`: the whole-compilation parts of our analysis timed one by one on fresh trees, outside the analyzer driver,
/// each after a full collection (so no collection lands inside a stage by luck of another's allocations). The
/// compilation is bound first (its diagnostics), so work the compiler does anyway (declaration tables, red nodes) is
/// not charged to a stage. What the driver's exec time adds on top: every per-operation callback, and the collections.
/// </summary>
public static class StageBench
{
    public static void Run(BenchCorpus corpus, int reps, TextWriter output)
    {
        IMethodSymbol? probe = null;
        var stages = new List<(string Name, Action<Compilation> Run)>
        {
            ("candidates path (+text, pieces)", c => Scan(c, new TokenPathCandidates(TokenPolicyOptions.Default))),
            ("candidates tp0002 (literal)", c => Scan(c, new TokenLiteralCandidates(TokenPolicyOptions.Default))),
            ("candidates tp0004 (endpoint)", c => Scan(c, new CredentialEndpointCandidates(TokenPolicyOptions.Default))),
            ("closure path", c => new CandidateIndex(c, new TokenPathCandidates(TokenPolicyOptions.Default)).GetClosure(default)),
            ("closure literal", c => new CandidateIndex(c, new TokenLiteralCandidates(TokenPolicyOptions.Default)).GetClosure(default)),
            ("closure endpoint", c => new CandidateIndex(c, new CredentialEndpointCandidates(TokenPolicyOptions.Default)).GetClosure(default)),
            ("sinks auth", c => AuthSinks.Resolve(c)),
            ("sinks read", c => ReadSinks.Resolve(c)),
            ("sinks request", c => RequestSinks.Resolve(c)),
            ("sinks kubernetes", c => KubernetesSinks.Resolve(c)),
            ("well-known types", c => GC.KeepAlive(new WellKnownTypes(c))),
            ("reach auth", c => new SinkReach(c, AuthSinks.Needles, AuthSinks.IsSinkWord).InReach(probe!, default)),
            ("reach read", c => new SinkReach(c, ReadSinks.Needles, t => ReadSinks.IsSinkName(t.ValueText)).InReach(probe!, default)),
        };

        var results = stages.ToDictionary(s => s.Name, _ => new List<(double Ms, long Bytes)>());
        for (var rep = -1; rep < reps; rep++)
        {
            var compilation = corpus.CreateCompilation(false, freshTrees: true);
            compilation.GetDiagnostics();
            probe = Probe(compilation);
            foreach (var (name, run) in stages)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var collections = GC.CollectionCount(0);
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                run(compilation);
                sw.Stop();
                var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                if (rep >= 0)
                {
                    results[name].Add((sw.Elapsed.TotalMilliseconds, bytes));
                }

                if (GC.CollectionCount(0) != collections)
                {
                    output.WriteLine($"  (a collection ran during {name} in rep {rep + 1})");
                }
            }
        }

        output.WriteLine($"## Stages ({corpus.Documents.Length} documents, {reps} reps, fresh trees, after binding; median ms / median KB)");
        foreach (var (name, samples) in results)
        {
            output.WriteLine($"  {name,-30} {Stats.Median(samples.Select(s => s.Ms)),8:F1} ms {Stats.Median(samples.Select(s => (double)s.Bytes)) / 1024,10:F0} KB   [{string.Join(" ", samples.Select(s => s.Ms.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}]");
        }
    }

    private static void Scan(Compilation compilation, CandidateFilter filter)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            TreeCandidates.Get(tree, filter, default);
        }
    }

    /// <summary>Any source method: asking about it builds the reach.</summary>
    private static IMethodSymbol Probe(Compilation compilation)
        => compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IMethodSymbol>().First();
}
