using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using TokenPolicy.Cli.Analysis;

namespace TokenPolicy.Cli.Baseline;

/// <summary>The baseline step's outcome: the findings, those the baseline records marked <see cref="Finding.Baselined"/>, and the entries that matched none.</summary>
internal sealed record BaselinedFindings(AnalysedSolution Analysis, ImmutableArray<Finding> Findings, ImmutableArray<BaselineEntry> Stale)
{
    /// <summary>What --fix works on: findings the baseline does not suppress, at or above the threshold.</summary>
    public IReadOnlyList<Finding> FixTargets(Microsoft.CodeAnalysis.DiagnosticSeverity threshold) =>
        Findings.Where(f => !f.Baselined && f.Severity >= threshold).ToList();
}

/// <summary>Baseline: matches findings to the recorded entries by fingerprint (and rule), one entry per finding.</summary>
internal static class BaselineStep
{
    /// <summary>Without a baseline every finding stays reported and nothing is stale.</summary>
    public static BaselinedFindings Apply(AnalysedSolution analysis, ImmutableArray<BaselineEntry>? entries)
    {
        if (entries is not { } recorded)
        {
            return new BaselinedFindings(analysis, analysis.Findings, ImmutableArray<BaselineEntry>.Empty);
        }

        var remaining = recorded
            .GroupBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<BaselineEntry>(g), StringComparer.Ordinal);
        var findings = analysis.Findings.Select(finding =>
        {
            if (remaining.TryGetValue(finding.Fingerprint, out var queue) && queue.Count > 0 && queue.Peek().RuleId == finding.RuleId)
            {
                queue.Dequeue();
                return finding with { Baselined = true };
            }

            return finding;
        }).ToImmutableArray();

        var stale = remaining.Values.SelectMany(q => q)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ToImmutableArray();
        return new BaselinedFindings(analysis, findings, stale);
    }
}
