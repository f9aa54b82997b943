using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TokenPolicy.Cli.Loading;

namespace TokenPolicy.Cli.Analysis;

/// <summary>The analyse step's outcome for one solution: its findings, fingerprinted and ordered.</summary>
internal sealed record AnalysedSolution(Solution Solution, ImmutableArray<Finding> Findings, int FileCount);

/// <summary>
/// Analyse: runs the catalog's analyzers over the requested projects of a solution and turns the diagnostics
/// into fingerprinted findings. The last result is kept, so asking again for the same solution (--fix's final
/// pass, then the report) analyses it once. Analyzer crashes of every pass are collected in <see cref="AnalyzerErrors"/>.
/// </summary>
internal sealed class AnalysisStep
{
    private readonly LoadedTarget _loaded;
    private readonly RuleCatalog _catalog;
    private readonly string _reportRoot;
    private AnalysedSolution? _last;

    public AnalysisStep(LoadedTarget loaded, RuleCatalog catalog, string reportRoot)
    {
        _loaded = loaded;
        _catalog = catalog;
        _reportRoot = reportRoot;
    }

    /// <summary>Analyzer crashes (AD0001) seen in any pass, sorted and distinct.</summary>
    public ImmutableSortedSet<string> AnalyzerErrors { get; private set; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    public async Task<AnalysedSolution> RunAsync(Solution solution, Progress? progress, CancellationToken cancellationToken)
    {
        if (_last is { } last && last.Solution == solution)
        {
            return last;
        }

        var result = await AnalysisRunner.RunAsync(solution, _loaded.ProjectIds, _catalog.Analyzers, progress, cancellationToken).ConfigureAwait(false);
        AnalyzerErrors = AnalyzerErrors.Union(result.AnalyzerErrors);
        var findings = Findings.Fingerprint(result.Diagnostics.Select(d => Findings.Create(d, _reportRoot)));
        _last = new AnalysedSolution(solution, findings, result.FileCount);
        return _last;
    }
}
