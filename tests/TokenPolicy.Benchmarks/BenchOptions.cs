using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;

namespace TokenPolicy.Benchmarks;

public sealed class BenchOptions
{
    public const string Usage = """
        TokenPolicy benchmark (issue 6). Build and run in Release:
          dotnet run -c Release --project tests/TokenPolicy.Benchmarks -- [options]

        Options:
          --quick                 small corpus and fewer repetitions; finishes in under a minute on 2 cores
          --reps N                measured repetitions per mode (default 5; quick 3)
          --warmup N|auto         unmeasured warm-up rounds (default auto: rounds until one in which the JIT spent at
                                  most 250 ms, at least 1 and at most 6; quick: 1)
          --lines N               generated corpus size in lines (default 200000; quick 10000)
          --seed N                generator seed (default 6)
          --corpus DIR            measure a folder of .cs files instead of the generated corpus
          --docs N                documents for the per-document latency (default 300; quick 200)
          --doc-passes N          passes over the documents; per document the best pass counts (default 3; quick 2)
          --concurrent            concurrent build and analysis (default: single-threaded, steadier numbers)
          --client-requests N     requests per client round (default 2000; quick 400)
          --client-rounds N       interleaved client rounds (default 7; quick 5)
          --resolve-calls N       cached Resolve() calls measured (default 2000000; quick 200000)
          --skip-client           skip the client half (figures reported missing)
          --client-only           tiny analyzer half (for profiling the client; figures are not meaningful)
          --client-decompose      also time raw GETs through the factory alone, its timeouts alone and its retry alone
          --profile-ours          run only the TokenPolicy analyzers mode, no per-document phase (for a sampling profiler;
                                  figures are missing)
          --stages                time the whole-compilation parts of our analysis one by one (fresh trees, after binding)
          --baseline DLL          also run an earlier build of TokenPolicy.Analyzers.dll and this build, each in a load
                                  context of its own, interleaved with the other modes in a shuffled order: reports
                                  this build's exec time over the baseline's per repetition (ignored by --profile-ours)
          --ab-only               with --baseline: run only compile, the baseline and the candidate (half the time; the
                                  other figures are missing)
          --json FILE             write every figure as JSON
          --dump-corpus DIR       also write the generated corpus to DIR
        Exit code: 0 all figures produced; 3 a figure is missing; 4 an analyzer threw (AD0001); 64 bad arguments.
        """;

    public bool Quick { get; private set; }
    public int Reps { get; private set; } = 5;
    public int Warmup { get; private set; } = 1;

    /// <summary>
    /// Warm up until the runtime's JIT is quiet (<see cref="QuietJitMs"/>), at most <see cref="MaxWarmup"/> rounds: one round
    /// was not enough on octokit (the first measured repetitions still spent 2-8 s of JIT time on a background thread, the
    /// runtime moving the compiler's hot methods to its optimizing tier, on 2 cores; docs/performance.md, twelfth pass).
    /// </summary>
    public bool WarmupUntilQuiet { get; private set; } = true;

    public const int MaxWarmup = 6;

    public const double QuietJitMs = 250;
    public int Lines { get; private set; } = 200_000;
    public int Seed { get; private set; } = 6;
    public string? CorpusDirectory { get; private set; }
    public int Documents { get; private set; } = 300;
    public int DocumentPasses { get; private set; } = 3;
    public bool Concurrent { get; private set; }
    public int ClientRequests { get; private set; } = 2000;
    public int ClientRounds { get; private set; } = 7;
    public int ResolveCalls { get; private set; } = 2_000_000;
    public bool SkipClient { get; private set; }
    public bool ClientOnly { get; private set; }
    public bool ClientDecompose { get; private set; }

    /// <summary>Runs only mode (b), for profiling our analyzers under a sampling profiler.</summary>
    public bool ProfileOurs { get; private set; }

    /// <summary>Times our whole-compilation stages one by one (<see cref="Analysis.StageBench"/>) and exits.</summary>
    public bool Stages { get; private set; }

    /// <summary>Documents of the warm-up round (0: the whole corpus). Quick mode warms up on a slice to stay under a minute.</summary>
    public int WarmupDocuments { get; private set; }
    public string? JsonPath { get; private set; }

    /// <summary>An earlier TokenPolicy.Analyzers.dll to compare with, run as one more interleaved mode (an A/B in one run).</summary>
    public string? BaselineAssembly { get; private set; }
    public string? DumpCorpus { get; private set; }

    /// <summary>With <see cref="BaselineAssembly"/>: only the compile, baseline and candidate modes.</summary>
    public bool AbOnly { get; private set; }

    [JsonIgnore]
    public bool Help { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        if (args.Contains("--quick"))
        {
            o.Quick = true;
            o.WarmupUntilQuiet = false;
            o.Lines = 10_000;
            o.Reps = 3;
            o.DocumentPasses = 2;
            o.WarmupDocuments = 40;
            o.Documents = 200;
            o.ClientRequests = 400;
            o.ClientRounds = 5;
            o.ResolveCalls = 200_000;
        }

        for (var i = 0; i < args.Length; i++)
        {
            static string ExistingFile(string path) => File.Exists(path) ? Path.GetFullPath(path) : throw new ArgumentException($"no such file: {path}");
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() { var s = Next(); return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new ArgumentException($"not a count: {s}"); }
            switch (args[i])
            {
                case "--quick": break;
                case "--reps": o.Reps = Math.Max(1, Int()); break;
                case "--warmup":
                    if (i + 1 < args.Length && args[i + 1] == "auto")
                    {
                        i++;
                        o.WarmupUntilQuiet = true;
                    }
                    else
                    {
                        o.Warmup = Int();
                        o.WarmupUntilQuiet = false;
                    }

                    break;
                case "--lines": o.Lines = Int(); break;
                case "--seed": o.Seed = Int(); break;
                case "--corpus": o.CorpusDirectory = Next(); break;
                case "--docs": o.Documents = Math.Max(1, Int()); break;
                case "--doc-passes": o.DocumentPasses = Math.Max(1, Int()); break;
                case "--concurrent": o.Concurrent = true; break;
                case "--client-requests": o.ClientRequests = Math.Max(1, Int()); break;
                case "--client-rounds": o.ClientRounds = Math.Max(1, Int()); break;
                case "--resolve-calls": o.ResolveCalls = Math.Max(1000, Int()); break;
                case "--skip-client": o.SkipClient = true; break;
                case "--client-only": o.ClientOnly = true; break;
                case "--client-decompose": o.ClientDecompose = true; break;
                case "--profile-ours": o.ProfileOurs = true; o.SkipClient = true; break;
                case "--stages": o.Stages = true; o.SkipClient = true; break;
                case "--json": o.JsonPath = Next(); break;
                case "--baseline": o.BaselineAssembly = ExistingFile(Next()); break;
                case "--dump-corpus": o.DumpCorpus = Next(); break;
                case "--ab-only": o.AbOnly = true; break;
                case "-h" or "--help": o.Help = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (o.AbOnly && o.BaselineAssembly is null)
        {
            throw new ArgumentException("--ab-only needs --baseline DLL");
        }

        if (o.ClientOnly)
        {
            o.Lines = 300;
            o.Documents = 1;
            o.Reps = 1;
            o.Warmup = 0;
            o.WarmupUntilQuiet = false;
            o.DocumentPasses = 1;
        }

        return o;
    }
}

internal static class EnumerableExtensions
{
    public static ImmutableArray<T> ToImmutableArrayOf<T>(this IEnumerable<T> items) => items.ToImmutableArray();
}
