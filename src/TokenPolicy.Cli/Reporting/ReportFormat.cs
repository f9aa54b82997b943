using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace TokenPolicy.Cli.Reporting;

/// <summary>The report formats of <c>check --format</c>.</summary>
internal enum ReportFormat
{
    /// <summary>Compiler-style lines and a summary.</summary>
    Text,

    /// <summary>The tool's own JSON document.</summary>
    Json,

    /// <summary>SARIF 2.1.0 (GitHub code scanning and other viewers).</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands (annotations on the changed lines of a pull request).</summary>
    GitHub,
}

/// <summary>Writes a report in one format.</summary>
internal interface IReportWriter
{
    ReportFormat Format { get; }

    void Write(Report report, TextWriter writer);
}

/// <summary>One writer per format, and the formats' command-line names.</summary>
internal static class ReportWriters
{
    public static ImmutableArray<IReportWriter> All { get; } = ImmutableArray.Create<IReportWriter>(
        new TextReportWriter(),
        new JsonReportWriter(),
        new SarifReportWriter(),
        new GitHubReportWriter());

    /// <summary>Command-line names, in the order of <see cref="ReportFormat"/>: text, json, sarif, github.</summary>
    public static ImmutableArray<string> Names { get; } = Enum.GetValues<ReportFormat>().Select(Name).ToImmutableArray();

    public static IReportWriter For(ReportFormat format) => All.Single(w => w.Format == format);

    public static string Name(ReportFormat format) => format.ToString().ToLowerInvariant();

    public static ReportFormat Parse(string name) => Enum.GetValues<ReportFormat>().Single(f => Name(f) == name);
}
