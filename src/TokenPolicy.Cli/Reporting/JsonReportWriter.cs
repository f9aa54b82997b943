using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TokenPolicy.Cli.Baseline;

namespace TokenPolicy.Cli.Reporting;

/// <summary>The tool's own JSON: findings with locations and fingerprints, a summary, baseline and fix outcome.</summary>
internal sealed class JsonReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.Json;

    public void Write(Report report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, BaselineJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("tool", "tokenpolicy");
            json.WriteString("version", Report.ToolVersion);
            json.WriteString("target", report.TargetDisplay);
            json.WriteString("targetKind", report.TargetDescription);
            json.WriteString("root", report.Root);
            json.WriteNumber("filesAnalyzed", report.FileCount);
            json.WriteString("threshold", Severities.Name(report.Threshold));
            json.WriteNumber("exitCode", report.ExitCode);

            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", Severities.Name(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("path", finding.RelativePath);
                json.WriteString("file", finding.FilePath);
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteString("fingerprint", finding.Fingerprint);
                if (report.FixableCount is not null)
                {
                    json.WriteBoolean("fixable", finding.Fixable);
                }

                json.WriteString("helpUri", report.Catalog.Descriptor(finding.RuleId)?.HelpLinkUri ?? "");
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("summary");
            json.WriteNumber("total", report.Findings.Count());
            json.WriteNumber("failing", report.Failing);
            json.WriteStartObject("byRule");
            foreach (var group in report.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(group.Key, group.Count());
            }

            json.WriteEndObject();
            json.WriteStartObject("bySeverity");
            foreach (var group in report.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
            {
                json.WriteNumber(Severities.Name(group.Key), group.Count());
            }

            json.WriteEndObject();
            if (report.FixableCount is { } fixable)
            {
                json.WriteNumber("fixable", fixable);
            }

            json.WriteEndObject();

            if (report.BaselineFile is not null)
            {
                json.WriteStartObject("baseline");
                json.WriteString("file", report.BaselineFile);
                json.WriteNumber("suppressed", report.Suppressed);
                BaselineJson.WriteEntries(json, "stale", report.StaleEntries);
                json.WriteEndObject();
            }

            if (report.Fix is { } fix)
            {
                json.WriteStartObject("fix");
                json.WriteNumber("fixed", fix.FixedCount);
                json.WriteStartArray("filesChanged");
                foreach (var file in fix.ChangedFiles)
                {
                    json.WriteStringValue(file);
                }

                json.WriteEndArray();
                json.WriteStartArray("fixedFindings");
                foreach (var finding in report.FixedFindings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", finding.RuleId);
                    json.WriteString("path", finding.RelativePath);
                    json.WriteNumber("line", finding.Line);
                    json.WriteNumber("column", finding.Column);
                    json.WriteString("fingerprint", finding.Fingerprint);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            WriteStrings(json, "errors", report.Errors);
            WriteStrings(json, "notices", report.Notices);
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
