using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Cli;

/// <summary>Everything a report format needs.</summary>
internal sealed class Report
{
    public required RuleCatalog Catalog { get; init; }

    /// <summary>Target as typed (or the default sample), for messages.</summary>
    public required string TargetDisplay { get; init; }

    /// <summary>"solution X.sln", "project X.csproj", "loose files".</summary>
    public required string TargetDescription { get; init; }

    /// <summary>Absolute folder that relative paths and fingerprints are based on.</summary>
    public required string FingerprintBase { get; init; }

    public required int FileCount { get; init; }

    /// <summary>Every finding, fingerprinted and ordered, including those the baseline suppresses.</summary>
    public required List<Finding> AllFindings { get; init; }

    public required DiagnosticSeverity Threshold { get; init; }

    public required Func<string, string> DisplayPath { get; init; }

    public string? BaselineFile { get; init; }

    public List<BaselineEntry> StaleEntries { get; init; } = new();

    public FixOutcome? Fix { get; init; }

    /// <summary>Null when no code-fix provider covers any reported rule (then fixability is not shown).</summary>
    public int? FixableCount { get; init; }

    public List<string> Errors { get; init; } = new();

    public List<string> Notices { get; init; } = new();

    public string? WrittenBaseline { get; init; }

    public int ExitCode { get; init; }

    /// <summary>Findings not suppressed by the baseline.</summary>
    public IEnumerable<Finding> Findings => AllFindings.Where(f => !f.Baselined);

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

    public string ToolVersion => typeof(Report).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string RuleName(DiagnosticDescriptor descriptor)
    {
        var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var words = title.Split(new[] { ' ', '-', '_', '.', ',', '\'', '(', ')', '/' }, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return name.Length > 0 ? name : descriptor.Id;
    }
}
