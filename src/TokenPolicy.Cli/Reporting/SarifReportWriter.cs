using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TokenPolicy.Cli.Baseline;

namespace TokenPolicy.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other viewers: one run, the rules (from the analyzers'
/// descriptors, with help URIs), results with physical locations relative to %SRCROOT%, and
/// partialFingerprints that do not depend on line numbers. Findings suppressed by the baseline are left out.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string FingerprintKey = "tokenpolicy/v1";

    public ReportFormat Format => ReportFormat.Sarif;

    public void Write(Report report, TextWriter writer)
    {
        var rules = report.Catalog.Descriptors;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, BaselineJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "TokenPolicy");
            json.WriteString("version", report.ToolVersion);
            json.WriteString("semanticVersion", report.ToolVersion);
            json.WriteString("informationUri", "https://github.com/tokenpolicy/tokenpolicy");
            json.WriteStartArray("rules");
            foreach (var descriptor in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", descriptor.Id);
                json.WriteString("name", Report.RuleName(descriptor));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
                var description = descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (description.Length > 0)
                {
                    json.WriteStartObject("fullDescription");
                    json.WriteString("text", description);
                    json.WriteEndObject();
                }

                if (!string.IsNullOrEmpty(descriptor.HelpLinkUri))
                {
                    json.WriteString("helpUri", descriptor.HelpLinkUri);
                }

                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Severities.SarifLevel(descriptor.DefaultSeverity));
                json.WriteBoolean("enabled", descriptor.IsEnabledByDefault);
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("category", descriptor.Category);
                json.WriteStartArray("tags");
                json.WriteStringValue(descriptor.Category.ToLowerInvariant());
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", report.Errors.IsEmpty);
            json.WriteNumber("exitCode", report.ExitCode);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var (level, text) in report.Errors.Select(e => ("error", e)).Concat(report.Notices.Select(n => ("note", n))))
            {
                json.WriteStartObject();
                json.WriteString("level", level);
                json.WriteStartObject("message");
                json.WriteString("text", text);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", new Uri(report.Root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                var index = rules.IndexOf(report.Catalog.Descriptor(finding.RuleId)!);
                if (index >= 0)
                {
                    json.WriteNumber("ruleIndex", index);
                }

                json.WriteString("level", Severities.SarifLevel(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                if (finding.FilePath.Length > 0)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", EscapeRelativeUri(finding.RelativePath));
                    json.WriteString("uriBaseId", "%SRCROOT%");
                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", finding.Line);
                    json.WriteNumber("startColumn", finding.Column);
                    json.WriteNumber("endLine", finding.EndLine);
                    json.WriteNumber("endColumn", finding.EndColumn);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartObject("partialFingerprints");
                json.WriteString(FingerprintKey, finding.Fingerprint);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("properties");
            json.WriteNumber("filesAnalyzed", report.FileCount);
            if (report.BaselineFile is not null)
            {
                json.WriteNumber("suppressedByBaseline", report.Suppressed);
                BaselineJson.WriteEntries(json, "staleBaselineEntries", report.StaleEntries);
            }

            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string EscapeRelativeUri(string relativePath) =>
        string.Join("/", relativePath.Split('/').Select(segment => segment == ".." ? segment : Uri.EscapeDataString(segment)));
}
