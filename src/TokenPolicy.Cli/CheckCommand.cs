using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Cli;

/// <summary><c>tokenpolicy check</c>: load, analyse, optionally fix, apply the baseline, report, decide the exit code.</summary>
internal sealed class CheckCommand
{
    private readonly CliContext _context;
    private readonly CheckOptions _options;
    private readonly Problems _problems = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private (Solution Solution, List<Finding> Findings, int FileCount)? _lastAnalysis;

    public CheckCommand(CliContext context, CheckOptions options)
    {
        _context = context;
        _options = options;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<int> RunCoreAsync(CancellationToken cancellationToken)
    {
        // 1. What to analyse.
        var rawPath = _options.Path;
        if (string.IsNullOrWhiteSpace(rawPath))
        {
            rawPath = _context.DefaultTarget ?? TargetResolver.FindDefaultSample(_context.WorkingDirectory);
            if (rawPath is null)
            {
                return Fail($"no PATH given and the bundled sample ({TargetResolver.DefaultSampleRelativePath}) was not found; pass a .sln, .slnx, .csproj or folder");
            }
        }

        var fullPath = Path.GetFullPath(rawPath, _context.WorkingDirectory);
        var target = TargetResolver.Resolve(fullPath, _options.Loose, out var resolveError);
        if (target is null)
        {
            return Fail(resolveError!.Replace(fullPath, rawPath, StringComparison.Ordinal));
        }

        // 2. Baseline first: a bad baseline is a usage error, found before any slow work.
        List<BaselineEntry>? baseline = null;
        string? baselinePath = null;
        if (_options.BaselineFile is not null)
        {
            baselinePath = Path.GetFullPath(_options.BaselineFile, _context.WorkingDirectory);
            try
            {
                baseline = Baseline.Read(baselinePath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or InvalidOperationException or FormatException)
            {
                return Fail($"cannot read baseline '{_options.BaselineFile}': {(ex is FileNotFoundException ? "file not found" : ex.Message)}");
            }
        }

        // 3. Rules, found by reflection.
        var catalog = RuleCatalog.Load(_context.RuleAssemblies);
        _problems.Notices.AddRange(catalog.LoadErrors);
        if (catalog.Analyzers.IsEmpty)
        {
            _problems.Notices.Add("no analyzers were found in the rule assemblies; nothing will be reported");
        }

        // 4. Load.
        LoadedTarget? loaded;
        if (target.Kind == TargetKind.Files)
        {
            loaded = LooseFileLoader.Load(target, _problems);
        }
        else
        {
            loaded = await ProjectLoader.LoadAsync(target, restore: !_options.NoRestore, _problems, cancellationToken).ConfigureAwait(false);
        }

        Trace($"loaded {target.Describe()}");
        using var _ = loaded;
        var fingerprintBase = FindRepositoryRoot(target.ScanRoot) ?? target.ScanRoot;
        if (loaded is null)
        {
            return await FinishAsync(EmptyReport(catalog, target, fingerprintBase, rawPath), cancellationToken).ConfigureAwait(false);
        }

        // 5. Analyse, fixing first when asked.
        var progress = _context.ShowProgress ? new Progress(_context.Error) : null;
        var analyzerErrors = new SortedSet<string>(StringComparer.Ordinal);
        FixOutcome? fix = null;
        if (_options.Fix)
        {
            if (catalog.Fixers.IsEmpty)
            {
                _problems.Notices.Add("--fix: no code-fix providers were found; nothing can be fixed");
            }
            else
            {
                fix = await Fixer.FixAsync(
                    loaded.Solution,
                    catalog,
                    async solution =>
                    {
                        var pass = await AnalyzeAsync(solution, loaded, catalog, fingerprintBase, null, analyzerErrors, cancellationToken).ConfigureAwait(false);
                        if (baseline is not null)
                        {
                            Baseline.Apply(pass.Findings, baseline);
                        }

                        return pass.Findings.Where(f => !f.Baselined && f.Severity >= _options.Threshold).ToList();
                    },
                    cancellationToken).ConfigureAwait(false);
                loaded.Solution = fix.Solution;
                _problems.Notices.AddRange(fix.Notices);
                Trace($"fixed {fix.FixedCount} findings in {fix.ChangedFiles.Count} files");
            }
        }

        var analysis = await AnalyzeAsync(loaded.Solution, loaded, catalog, fingerprintBase, progress, analyzerErrors, cancellationToken).ConfigureAwait(false);
        Trace($"analysed {analysis.FileCount} files");
        _problems.Errors.AddRange(analyzerErrors.Select(e => "incomplete analysis: " + e));

        // 6. Baseline and fixability.
        var stale = new List<BaselineEntry>();
        if (baseline is not null)
        {
            stale = Baseline.Apply(analysis.Findings, baseline);
        }

        int? fixableCount = null;
        if (!catalog.Fixers.IsEmpty)
        {
            var count = 0;
            foreach (var finding in analysis.Findings.Where(f => !f.Baselined))
            {
                finding.Fixable = await Fixer.IsFixableAsync(loaded.Solution, catalog, finding, cancellationToken).ConfigureAwait(false);
                count += finding.Fixable ? 1 : 0;
            }

            fixableCount = count;
        }

        // 7. Record the baseline when asked.
        string? writtenBaseline = null;
        if (_options.WriteBaselineFile is not null)
        {
            try
            {
                Baseline.Write(Path.GetFullPath(_options.WriteBaselineFile, _context.WorkingDirectory), analysis.Findings);
                writtenBaseline = _options.WriteBaselineFile;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _problems.Errors.Add($"cannot write baseline '{_options.WriteBaselineFile}': {ex.Message}");
            }
        }

        var draft = new Report
        {
            Catalog = catalog,
            TargetDisplay = rawPath,
            TargetDescription = target.Describe(),
            FingerprintBase = fingerprintBase,
            FileCount = analysis.FileCount,
            AllFindings = analysis.Findings,
            Threshold = _options.Threshold,
            DisplayPath = DisplayPath,
            BaselineFile = _options.BaselineFile,
            StaleEntries = stale,
            Fix = fix,
            FixableCount = fixableCount,
            Errors = _problems.Errors,
            Notices = _problems.Notices,
            WrittenBaseline = writtenBaseline,
        };
        return await FinishAsync(draft, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(List<Finding> Findings, int FileCount)> AnalyzeAsync(
        Solution solution,
        LoadedTarget loaded,
        RuleCatalog catalog,
        string fingerprintBase,
        Progress? progress,
        SortedSet<string> analyzerErrors,
        CancellationToken cancellationToken)
    {
        if (_lastAnalysis is { } last && last.Solution == solution)
        {
            return (last.Findings, last.FileCount); // --fix's last pass already analysed this very solution
        }

        var result = await AnalysisRunner.RunAsync(solution, loaded.ProjectIds, catalog.Analyzers, progress, cancellationToken).ConfigureAwait(false);
        foreach (var error in result.AnalyzerErrors)
        {
            analyzerErrors.Add(error);
        }

        var findings = Findings.Fingerprint(result.Diagnostics.Select(d => Findings.Create(d, fingerprintBase)));
        _lastAnalysis = (solution, findings, result.FileCount);
        return (findings, result.FileCount);
    }

    /// <summary>Computes the exit code, prints errors and notices, writes the report.</summary>
    private async Task<int> FinishAsync(Report draft, CancellationToken cancellationToken)
    {
        int exitCode;
        if (_problems.Errors.Count > 0)
        {
            exitCode = ExitCodes.Error;
        }
        else if (draft.WrittenBaseline is not null)
        {
            exitCode = ExitCodes.Clean;
        }
        else
        {
            exitCode = draft.Failing > 0 ? ExitCodes.Findings : ExitCodes.Clean;
        }

        var report = new Report
        {
            Catalog = draft.Catalog,
            TargetDisplay = draft.TargetDisplay,
            TargetDescription = draft.TargetDescription,
            FingerprintBase = draft.FingerprintBase,
            FileCount = draft.FileCount,
            AllFindings = draft.AllFindings,
            Threshold = draft.Threshold,
            DisplayPath = draft.DisplayPath,
            BaselineFile = draft.BaselineFile,
            StaleEntries = draft.StaleEntries,
            Fix = draft.Fix,
            FixableCount = draft.FixableCount,
            Errors = draft.Errors,
            Notices = draft.Notices,
            WrittenBaseline = draft.WrittenBaseline,
            ExitCode = exitCode,
        };

        foreach (var error in _problems.Errors)
        {
            await _context.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
        }

        foreach (var notice in _problems.Notices)
        {
            await _context.Error.WriteLineAsync("note: " + notice).ConfigureAwait(false);
        }

        // A text report of a target that could not be loaded would only say "no findings": the errors say it all.
        var loadFailed = report.FileCount == 0 && report.AllFindings.Count == 0 && _problems.Errors.Count > 0;
        if (loadFailed && _options.Format == "text")
        {
            await WriteVerboseAsync().ConfigureAwait(false);
            return exitCode;
        }

        var writer = new StringWriter();
        switch (_options.Format)
        {
            case "json":
                JsonReport.Write(report, writer);
                break;
            case "sarif":
                SarifReport.Write(report, writer);
                break;
            default:
                TextReport.Write(report, writer);
                break;
        }

        if (_options.OutputFile is null)
        {
            await _context.Out.WriteAsync(writer.ToString()).ConfigureAwait(false);
        }
        else
        {
            var outputPath = Path.GetFullPath(_options.OutputFile, _context.WorkingDirectory);
            try
            {
                var directory = Path.GetDirectoryName(outputPath);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }

                await File.WriteAllTextAsync(outputPath, writer.ToString(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await _context.Error.WriteLineAsync($"error: cannot write report '{_options.OutputFile}': {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            await _context.Out.WriteLineAsync(TextReport.SummaryLine(report)).ConfigureAwait(false);
            await _context.Out.WriteLineAsync($"Report ({_options.Format}) written to {_options.OutputFile}.").ConfigureAwait(false);
        }

        Trace("done");
        await WriteVerboseAsync().ConfigureAwait(false);
        return exitCode;
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

    private Report EmptyReport(RuleCatalog catalog, Target target, string fingerprintBase, string rawPath) => new()
    {
        Catalog = catalog,
        TargetDisplay = rawPath,
        TargetDescription = target.Describe(),
        FingerprintBase = fingerprintBase,
        FileCount = 0,
        AllFindings = new List<Finding>(),
        Threshold = _options.Threshold,
        DisplayPath = DisplayPath,
        BaselineFile = _options.BaselineFile,
        Errors = _problems.Errors,
        Notices = _problems.Notices,
    };

    private int Fail(string message)
    {
        _context.Error.WriteLine("error: " + message);
        return ExitCodes.Error;
    }

    private void Trace(string step) => _problems.Verbose.Add($"{_clock.Elapsed.TotalSeconds,6:F2}s {step}");

    /// <summary>Paths under the working directory are shown relative to it, others in full.</summary>
    private string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(_context.WorkingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding .git, or null.</summary>
    internal static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
