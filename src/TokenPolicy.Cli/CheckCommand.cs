using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TokenPolicy.Cli.Analysis;
using TokenPolicy.Cli.Baseline;
using TokenPolicy.Cli.Fixing;
using TokenPolicy.Cli.Loading;
using TokenPolicy.Cli.Reporting;

namespace TokenPolicy.Cli;

/// <summary>
/// <c>tokenpolicy check</c> as a pipeline of steps, each returning a new immutable value:
/// load (<see cref="Loading"/>) → analyse (<see cref="AnalysisStep"/>) → baseline (<see cref="BaselineStep"/>)
/// → fix (<see cref="FixStep"/>, re-analysing what it changed) → report (<see cref="ReportStep"/>).
/// </summary>
internal sealed class CheckCommand
{
    private readonly CliContext _context;
    private readonly CheckOptions _options;
    private readonly Problems _problems = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public CheckCommand(CliContext context, CheckOptions options)
    {
        _context = context;
        _options = options;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunPipelineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            await _context.Error.WriteLineAsync($"error: unexpected failure: {ex}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    private async Task<int> RunPipelineAsync(CancellationToken cancellationToken)
    {
        // Usage errors first, before any slow work: what to analyse, and a readable baseline.
        if (ResolveTarget() is not { } request)
        {
            return ExitCodes.Error;
        }

        var (rawPath, target) = request;
        if (!TryReadBaseline(out var baseline))
        {
            return ExitCodes.Error;
        }

        var catalog = RuleCatalog.Load(_context.RuleAssemblies);
        _problems.Notices.AddRange(catalog.LoadErrors);
        if (catalog.Analyzers.IsEmpty)
        {
            _problems.Notices.Add("no analyzers were found in the rule assemblies; nothing will be reported");
        }

        // 1. Load.
        using var loaded = target.Kind == TargetKind.Files
            ? LooseFileLoader.Load(target, _problems)
            : await ProjectLoader.LoadAsync(target, restore: !_options.NoRestore, _problems, cancellationToken).ConfigureAwait(false);
        Trace($"loaded {target.Describe()}");

        // 2-4. Analyse, baseline, fix; 5. report (a target that could not be loaded records no baseline).
        var report = loaded is null
            ? NewReport(catalog, rawPath, target, fileCount: 0, ImmutableArray<Finding>.Empty, ImmutableArray<BaselineEntry>.Empty, fix: null) with { FixesAvailable = false }
            : ReportStep.WriteBaseline(
                await AnalyseBaselineFixAsync(loaded, catalog, rawPath, target, baseline, cancellationToken).ConfigureAwait(false),
                _options.WriteBaselineFile,
                _context.WorkingDirectory);
        var exitCode = await ReportStep.WriteAsync(report, _options, _context, cancellationToken).ConfigureAwait(false);
        Trace("done");
        await WriteVerboseAsync().ConfigureAwait(false);
        return exitCode;
    }

    private async Task<Report> AnalyseBaselineFixAsync(
        LoadedTarget loaded,
        RuleCatalog catalog,
        string rawPath,
        Target target,
        ImmutableArray<BaselineEntry>? baseline,
        CancellationToken cancellationToken)
    {
        var analysis = new AnalysisStep(loaded, catalog, target.ReportRoot);
        async Task<BaselinedFindings> AnalyseAndBaselineAsync(Solution solution, Progress? progress) =>
            BaselineStep.Apply(await analysis.RunAsync(solution, progress, cancellationToken).ConfigureAwait(false), baseline);

        // 2. Analyse, 3. baseline.
        var progress = _context.ShowProgress ? new Progress(_context.Error) : null;
        var current = await AnalyseAndBaselineAsync(loaded.Solution, progress).ConfigureAwait(false);
        Trace($"analysed {current.Analysis.FileCount} files");

        // 4. Fix (each pass analyses and baselines the solution it produced), then the fixed solution's findings.
        FixOutcome? fix = null;
        if (_options.Fix)
        {
            fix = await FixStep.RunAsync(
                current.Analysis.Solution,
                catalog,
                async solution => (await AnalyseAndBaselineAsync(solution, null).ConfigureAwait(false)).FixTargets(_options.Threshold),
                _problems,
                cancellationToken).ConfigureAwait(false);
            if (fix is not null)
            {
                current = await AnalyseAndBaselineAsync(fix.Solution, null).ConfigureAwait(false);
                Trace($"fixed {fix.FixedCount} findings in {fix.ChangedFiles.Length} files");
            }
        }

        _problems.Errors.AddRange(analysis.AnalyzerErrors.Select(e => "incomplete analysis: " + e));
        var findings = await FixStep.MarkFixableAsync(current.Analysis.Solution, catalog, current.Findings, cancellationToken).ConfigureAwait(false);
        return NewReport(catalog, rawPath, target, current.Analysis.FileCount, findings, current.Stale, fix);
    }

    private Report NewReport(
        RuleCatalog catalog,
        string rawPath,
        Target target,
        int fileCount,
        ImmutableArray<Finding> findings,
        ImmutableArray<BaselineEntry> stale,
        FixOutcome? fix) => new()
    {
        Catalog = catalog,
        TargetDisplay = rawPath,
        TargetDescription = target.Describe(),
        Root = target.ReportRoot,
        ScanPath = ScanPath(target),
        FileCount = fileCount,
        AllFindings = findings,
        Threshold = _options.Threshold,
        DisplayPath = DisplayPath,
        BaselineFile = _options.BaselineFile,
        StaleEntries = stale,
        Fix = fix,
        FixesAvailable = !catalog.Fixers.IsEmpty,
        Errors = _problems.ErrorsSnapshot,
        Notices = _problems.NoticesSnapshot,
    };

    private static string ScanPath(Target target)
    {
        var relative = Findings.RelativePath(target.ReportRoot, target.Path);
        return relative == "." ? "" : relative;
    }

    /// <summary>PATH (or the bundled sample) resolved to a target; null after printing the usage error.</summary>
    private (string RawPath, Target Target)? ResolveTarget()
    {
        var rawPath = _options.Path;
        if (string.IsNullOrWhiteSpace(rawPath))
        {
            rawPath = _context.DefaultTarget ?? TargetResolver.FindDefaultSample(_context.WorkingDirectory);
            if (rawPath is null)
            {
                Fail($"no PATH given and the bundled sample ({TargetResolver.DefaultSampleRelativePath}) was not found; pass a .sln, .slnx, .csproj or folder");
                return null;
            }
        }

        var fullPath = Path.GetFullPath(rawPath, _context.WorkingDirectory);
        var target = TargetResolver.Resolve(fullPath, _options.Loose, out var resolveError);
        if (target is null)
        {
            Fail(resolveError!.Replace(fullPath, rawPath, StringComparison.Ordinal));
            return null;
        }

        return (rawPath, target);
    }

    /// <summary>The --baseline entries (null without --baseline); false after printing why the file cannot be read.</summary>
    private bool TryReadBaseline(out ImmutableArray<BaselineEntry>? baseline)
    {
        baseline = null;
        if (_options.BaselineFile is null)
        {
            return true;
        }

        try
        {
            baseline = BaselineFile.Read(Path.GetFullPath(_options.BaselineFile, _context.WorkingDirectory));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            Fail($"cannot read baseline '{_options.BaselineFile}': {(ex is FileNotFoundException ? "file not found" : ex.Message)}");
            return false;
        }
    }

    private async Task WriteVerboseAsync()
    {
        if (!_options.Verbose)
        {
            return;
        }

        foreach (var line in _problems.Verbose)
        {
            await _context.Error.WriteLineAsync("verbose: " + line).ConfigureAwait(false);
        }
    }

    private void Fail(string message) => _context.Error.WriteLine("error: " + message);

    private void Trace(string step) => _problems.Verbose.Add($"{_clock.Elapsed.TotalSeconds,6:F2}s {step}");

    /// <summary>Paths under the working directory are shown relative to it, others in full.</summary>
    private string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(_context.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
