using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace TokenPolicy.Cli.Reporting;

/// <summary>
/// GitHub Actions workflow commands: one <c>::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message</c>
/// annotation per reported finding (<c>::error</c>, <c>::warning</c>, <c>::notice</c> by severity), load errors and
/// notices as annotations without a file, then the summary line. Values are escaped the way GitHub's
/// actions/toolkit does (<c>%</c>, CR and LF in the message; also <c>:</c> and <c>,</c> in properties), so a
/// message can never end the command early or inject another one. Paths are relative to the repository root,
/// as GitHub expects.
/// </summary>
internal sealed class GitHubReportWriter : IReportWriter
{
    public ReportFormat Format => ReportFormat.GitHub;

    public void Write(Report report, TextWriter writer)
    {
        foreach (var finding in report.Findings)
        {
            var descriptor = report.Catalog.Descriptor(finding.RuleId);
            var title = descriptor is null ? finding.RuleId : $"{finding.RuleId}: {descriptor.Title.ToString(CultureInfo.InvariantCulture)}";
            var properties = new List<(string Name, string Value)>();
            if (finding.FilePath.Length > 0)
            {
                properties.Add(("file", finding.RelativePath));
                properties.Add(("line", Number(finding.Line)));
                properties.Add(("endLine", Number(finding.EndLine)));
                if (finding.Line == finding.EndLine)
                {
                    // GitHub uses columns only for an annotation on one line; its endColumn is the last column
                    // (inclusive), where the finding's (like SARIF's) is the one after the span.
                    properties.Add(("col", Number(finding.Column)));
                    properties.Add(("endColumn", Number(System.Math.Max(finding.Column, finding.EndColumn - 1))));
                }
            }

            properties.Add(("title", title));
            var message = finding.Message;
            if (!string.IsNullOrEmpty(descriptor?.HelpLinkUri))
            {
                message += "\nHelp: " + descriptor!.HelpLinkUri;
            }

            writer.WriteLine(Command(Severities.GitHubCommand(finding.Severity), properties, message));
        }

        foreach (var error in report.Errors)
        {
            writer.WriteLine(Command("error", new[] { ("title", "tokenpolicy") }, error));
        }

        foreach (var notice in report.Notices)
        {
            writer.WriteLine(Command("notice", new[] { ("title", "tokenpolicy") }, notice));
        }

        foreach (var stale in report.StaleEntries)
        {
            writer.WriteLine(Command("notice", new[] { ("title", "tokenpolicy: stale baseline entry") },
                $"{stale.RuleId} {stale.Path} ({stale.Fingerprint}) matches no finding; remove it or rewrite the baseline"));
        }

        writer.WriteLine(TextReportWriter.SummaryLine(report));
    }

    /// <summary><c>::name key=value,key=value::message</c> with GitHub's escaping.</summary>
    internal static string Command(string name, IEnumerable<(string Name, string Value)> properties, string message)
    {
        var list = string.Join(",", properties.Select(p => p.Name + "=" + EscapeProperty(p.Value)));
        return "::" + name + (list.Length > 0 ? " " + list : "") + "::" + EscapeData(message);
    }

    /// <summary>A message: <c>%</c>, CR and LF percent-encoded (GitHub shows %0A as a line break).</summary>
    internal static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A property value: as <see cref="EscapeData"/>, and <c>:</c> and <c>,</c>, which end a value.</summary>
    internal static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
