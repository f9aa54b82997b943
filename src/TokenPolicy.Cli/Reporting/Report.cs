using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TokenPolicy.Cli.Analysis;
using TokenPolicy.Cli.Baseline;
using TokenPolicy.Cli.Fixing;

namespace TokenPolicy.Cli.Reporting;

/// <summary>
/// Everything a report format needs, built once by the pipeline and changed only with <c>with</c>
/// (the write-baseline step adds <see cref="WrittenBaseline"/> or an error). The exit code is derived from it.
/// </summary>
internal sealed record Report
{
    public required RuleCatalog Catalog { get; init; }

    /// <summary>Target as typed (or the default sample), for messages.</summary>
    public required string TargetDisplay { get; init; }

    /// <summary>"solution X.sln", "project X.csproj", "loose files".</summary>
    public required string TargetDescription { get; init; }

    /// <summary>Absolute folder that relative paths and fingerprints are based on (repository root or scan root).</summary>
    public required string Root { get; init; }

    /// <summary>The scanned PATH relative to <see cref="Root"/>, '/'-separated ("" when it is the root).</summary>
    public required string ScanPath { get; init; }

    public required int FileCount { get; init; }

    /// <summary>Every finding, fingerprinted and ordered, including those the baseline suppresses.</summary>
    public required ImmutableArray<Finding> AllFindings { get; init; }

    public required DiagnosticSeverity Threshold { get; init; }

    public required Func<string, string> DisplayPath { get; init; }

    public string? BaselineFile { get; init; }

    public ImmutableArray<BaselineEntry> StaleEntries { get; init; } = ImmutableArray<BaselineEntry>.Empty;

    public FixOutcome? Fix { get; init; }

    /// <summary>True when some code-fix provider exists, so fixability is known and shown.</summary>
    public bool FixesAvailable { get; init; }

    public ImmutableArray<string> Errors { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<string> Notices { get; init; } = ImmutableArray<string>.Empty;

    public string? WrittenBaseline { get; init; }

    /// <summary>2 when anything failed, 0 after --write-baseline, else 1 when findings at or above the threshold remain.</summary>
    public int ExitCode =>
        !Errors.IsEmpty ? ExitCodes.Error
        : WrittenBaseline is not null ? ExitCodes.Clean
        : Failing > 0 ? ExitCodes.Findings
        : ExitCodes.Clean;

    /// <summary>Nothing was analysed because loading failed: a text report would only say "no findings".</summary>
    public bool LoadFailed => FileCount == 0 && AllFindings.IsEmpty && !Errors.IsEmpty;

    /// <summary>Findings not suppressed by the baseline.</summary>
    public IEnumerable<Finding> Findings => AllFindings.Where(f => !f.Baselined);

    /// <summary>Null when no code-fix provider exists (then fixability is not shown).</summary>
    public int? FixableCount => FixesAvailable ? Findings.Count(f => f.Fixable) : null;

    /// <summary>Findings present before --fix and gone after it (matched by fingerprint).</summary>
    public IEnumerable<Finding> FixedFindings
    {
        get
        {
            if (Fix is null)
            {
                return Enumerable.Empty<Finding>();
            }

            var remaining = AllFindings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
            return Fix.Before.Where(f => !remaining.Contains(f.Fingerprint));
        }
    }

    public int Suppressed => AllFindings.Count(f => f.Baselined);

    /// <summary>Reported findings at or above the threshold (these decide exit code 1).</summary>
    public int Failing => Findings.Count(f => f.Severity >= Threshold);

    public static string ToolVersion => typeof(Report).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static readonly char[] WordSeparators = { ' ', '-', '_', '.', ',', '\'', '(', ')', '/' };

    /// <summary>A rule's Pascal-case name from its title ("Do not hardcode bearer or API tokens" → DoNotHardcodeBearerOrApiTokens).</summary>
    public static string RuleName(DiagnosticDescriptor descriptor)
    {
        var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var words = title.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + (w.All(char.IsUpper) ? w[1..].ToLowerInvariant() : w[1..])));
        return name.Length > 0 ? name : descriptor.Id;
    }
}
