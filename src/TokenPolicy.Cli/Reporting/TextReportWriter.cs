using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Cli.Reporting;

/// <summary>Compiler-style lines (<c>path:line:col: severity ID: message</c>) then a summary per rule.</summary>
internal sealed class TextReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Text;

    public void Write(Report report, TextWriter writer)
    {
        var findings = report.Findings.ToList();
        foreach (var finding in findings)
        {
            var location = finding.FilePath.Length == 0
                ? "(no location)"
                : $"{report.DisplayPath(finding.FilePath)}:{finding.Line}:{finding.Column}";
            var fixable = report.FixableCount is not null && finding.Fixable ? " [fixable]" : "";
            writer.WriteLine($"{location}: {Severities.Name(finding.Severity)} {finding.RuleId}: {finding.Message}{fixable}");
        }

        if (findings.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Findings by rule:");
            foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                var descriptor = report.Catalog.Descriptor(group.Key);
                var severities = string.Join("/", group.Select(f => f.Severity).Distinct().OrderByDescending(s => s).Select(Severities.Name));
                writer.WriteLine($"  {group.Key}  {group.Count(),4}  {severities,-8} {descriptor?.Title ?? ""}");
            }
        }

        writer.WriteLine(SummaryLine(report));

        if (report.Fix is { } fix)
        {
            writer.WriteLine(fix.ChangedFiles.Length == 0
                ? "--fix: nothing was fixed."
                : $"--fix: fixed {Plural(fix.FixedCount, "finding")} in {Plural(fix.ChangedFiles.Length, "file")}: {string.Join(", ", fix.ChangedFiles.Select(report.DisplayPath))}");
            foreach (var finding in report.FixedFindings)
            {
                writer.WriteLine($"  fixed {report.DisplayPath(finding.FilePath)}:{finding.Line}:{finding.Column}: {finding.RuleId}");
            }
        }

        if (report.FixableCount is { } fixableCount)
        {
            writer.WriteLine(fixableCount == 0
                ? "No finding is fixable with --fix."
                : $"{Plural(fixableCount, "finding")} fixable with --fix.");
        }

        if (report.BaselineFile is not null)
        {
            writer.WriteLine($"Baseline {report.BaselineFile}: {report.Suppressed} suppressed, {report.StaleEntries.Length} stale.");
            foreach (var stale in report.StaleEntries)
            {
                writer.WriteLine($"  stale baseline entry: {stale.RuleId} {stale.Path} ({stale.Fingerprint}) matches no finding; remove it or rewrite the baseline");
            }
        }

        if (report.WrittenBaseline is not null)
        {
            writer.WriteLine($"Wrote baseline {report.WrittenBaseline} with {Plural(report.AllFindings.Length, "entry", "entries")}.");
        }
    }

    public static string SummaryLine(Report report)
    {
        var findings = report.Findings.ToList();
        var files = findings.Select(f => f.FilePath).Distinct().Count();
        var analysed = $"{Plural(report.FileCount, "file")} analysed ({report.TargetDescription})";
        if (findings.Count == 0)
        {
            return $"No findings; {analysed}.";
        }

        var bySeverity = new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Info }
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s)))
            .Where(x => x.Count > 0)
            .Select(x => x.Severity == DiagnosticSeverity.Info ? $"{x.Count} info" : Plural(x.Count, Severities.Name(x.Severity)));
        return $"{Plural(findings.Count, "finding")} ({string.Join(", ", bySeverity)}) in {Plural(files, "file")}; {analysed}; "
            + $"{report.Failing} at or above {Severities.Name(report.Threshold)}.";
    }

    private static string Plural(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
}
