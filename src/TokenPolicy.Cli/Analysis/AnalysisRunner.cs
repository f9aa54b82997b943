using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TokenPolicy.Cli.Analysis;

/// <summary>The diagnostics of one analysis run over the requested projects.</summary>
internal sealed record AnalysisResult
{
    public required List<Diagnostic> Diagnostics { get; init; }

    /// <summary>Source documents analysed (not counting generated ones).</summary>
    public required int FileCount { get; init; }

    /// <summary>Analyzer crashes (AD0001): each makes the exit code 2, since the scan is incomplete.</summary>
    public required List<string> AnalyzerErrors { get; init; }
}

/// <summary>Runs the catalog's analyzers over projects with CompilationWithAnalyzers, honouring each project's options.</summary>
internal static class AnalysisRunner
{
    public static async Task<AnalysisResult> RunAsync(
        Solution solution,
        IReadOnlyList<ProjectId> projectIds,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        Progress? progress,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var analyzerErrors = new ConcurrentBag<string>();
        var projects = projectIds.Select(solution.GetProject).OfType<Project>().ToList();
        var fileCount = projects.Sum(p => p.Documents.Count(d => d.FilePath is not null));
        progress?.Start(fileCount);

        foreach (var project in projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null || analyzers.IsEmpty)
            {
                continue;
            }

            var toRun = progress is null ? analyzers : analyzers.Add(new ProgressAnalyzer(progress));
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, diagnostic) =>
                    analyzerErrors.Add($"analyzer {analyzer.GetType().Name} failed: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(toRun, options);
            var results = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in results)
            {
                if (diagnostic.Id == "AD0001")
                {
                    analyzerErrors.Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }

                if (diagnostic.Severity == DiagnosticSeverity.Hidden || diagnostic.IsSuppressed)
                {
                    continue;
                }

                diagnostics.Add(diagnostic);
            }
        }

        progress?.Finish();

        // Multi-targeted projects analyse the same file once per target framework: report it once.
        var distinct = diagnostics
            .GroupBy(d => (d.Id, Path: d.Location.SourceTree?.FilePath ?? "", d.Location.SourceSpan, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(g => g.First())
            .ToList();

        return new AnalysisResult
        {
            Diagnostics = distinct,
            FileCount = fileCount,
            AnalyzerErrors = analyzerErrors.Distinct().OrderBy(e => e, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Counts analysed files: a semantic-model action runs once per tree as the analysis reaches it.</summary>
#pragma warning disable RS1001 // Only used in-process by the CLI; never exported to a compiler.
    private sealed class ProgressAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Internal progress probe, never reported.
        private static readonly DiagnosticDescriptor Descriptor = new(
            "TPCLI0000", "progress", "progress", "TokenPolicy.Cli", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

        private readonly Progress _progress;

        public ProgressAnalyzer(Progress progress) => _progress = progress;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSemanticModelAction(c =>
            {
                if (c.SemanticModel.SyntaxTree.FilePath.Length > 0)
                {
                    _progress.Advance();
                }
            });
        }
    }
}
