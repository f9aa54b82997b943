using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using TokenPolicy.Analyzers;
using TokenPolicy.Cli.Baseline;

namespace TokenPolicy.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other viewers, valid under Microsoft's SARIF validator with GitHub's
/// ingestion rules (<c>sarif-multitool validate --rule-kind "Sarif;Gh"</c>, checked by the CLI tests): one run whose
/// rules come from the analyzers' descriptors with their help (the rule page as markdown and text) and help URI,
/// <c>automationDetails</c> naming the scan, results with physical locations relative to <c>%SRCROOT%</c>
/// (<c>originalUriBaseIds</c>), and <c>partialFingerprints</c> that do not depend on line numbers. Findings suppressed
/// by the baseline are left out. No code snippet is written: a flagged line can hold the very token it reports.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string FingerprintKey = "tokenpolicy/v1";

    public const string SrcRoot = "%SRCROOT%";

    public ReportFormat Format => ReportFormat.Sarif;

    public void Write(Report report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, BaselineJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report);
            WriteInvocation(json, report);
            json.WriteStartObject("automationDetails");
            json.WriteString("id", AutomationId(report));
            json.WriteEndObject();
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SrcRoot);
            json.WriteString("uri", new Uri(report.Root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            WriteResults(json, report);
            WriteProperties(json, report);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// <c>runs[0].automationDetails.id</c>: "tokenpolicy/" plus the scanned path relative to the repository root, so
    /// code scanning keeps one analysis per scanned folder and a later upload of the same scan replaces the earlier one.
    /// </summary>
    internal static string AutomationId(Report report) => report.ScanPath.Length == 0 ? "tokenpolicy/" : $"tokenpolicy/{report.ScanPath}/";

    private static void WriteTool(Utf8JsonWriter json, Report report)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "TokenPolicy");
        json.WriteString("version", Report.ToolVersion);
        json.WriteString("semanticVersion", Report.ToolVersion);
        json.WriteString("informationUri", RuleIdentifiers.ProjectUrl);
        json.WriteStartArray("rules");
        foreach (var descriptor in report.Catalog.Descriptors)
        {
            WriteRule(json, descriptor);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor descriptor)
    {
        json.WriteStartObject();
        json.WriteString("id", descriptor.Id);
        json.WriteString("name", Report.RuleName(descriptor));
        WriteMessage(json, "shortDescription", descriptor.Title.ToString(CultureInfo.InvariantCulture));
        var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
        WriteMessage(json, "fullDescription", description.Length > 0 ? description : descriptor.Title.ToString(CultureInfo.InvariantCulture));
        var help = RuleHelps.For(descriptor.Id, descriptor.HelpLinkUri);
        if (help is not null)
        {
            json.WriteStartObject("help");
            json.WriteString("text", help.Text);
            json.WriteString("markdown", help.Markdown);
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

    private static void WriteInvocation(Utf8JsonWriter json, Report report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.Errors.IsEmpty);
        json.WriteNumber("exitCode", report.ExitCode);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var (level, text) in report.Errors.Select(e => ("error", e)).Concat(report.Notices.Select(n => ("note", n))))
        {
            json.WriteStartObject();
            json.WriteString("level", level);
            WriteMessage(json, "message", text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResults(Utf8JsonWriter json, Report report)
    {
        var rules = report.Catalog.Descriptors;
        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            var index = report.Catalog.Descriptor(finding.RuleId) is { } descriptor ? rules.IndexOf(descriptor) : -1;
            if (index >= 0)
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", Severities.SarifLevel(finding.Severity));
            WriteMessage(json, "message", finding.Message);
            if (finding.FilePath.Length > 0)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", EscapeRelativeUri(finding.RelativePath));
                json.WriteString("uriBaseId", SrcRoot);
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
    }

    private static void WriteProperties(Utf8JsonWriter json, Report report)
    {
        json.WriteStartObject("properties");
        json.WriteNumber("filesAnalyzed", report.FileCount);
        if (report.BaselineFile is not null)
        {
            json.WriteNumber("suppressedByBaseline", report.Suppressed);
            BaselineJson.WriteEntries(json, "staleBaselineEntries", report.StaleEntries);
        }

        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string EscapeRelativeUri(string relativePath) =>
        string.Join("/", relativePath.Split('/').Select(segment => segment == ".." ? segment : Uri.EscapeDataString(segment)));
}
