using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TokenPolicy.Cli.Analysis;
using TokenPolicy.Cli.Baseline;

namespace TokenPolicy.Cli.Reporting;

/// <summary>Report: records the baseline when asked, prints errors and notices, writes the report in its format, returns the exit code.</summary>
internal static class ReportStep
{
    /// <summary>--write-baseline: the report with <see cref="Report.WrittenBaseline"/> set, or with the error that kept it from being written.</summary>
    public static Report WriteBaseline(Report report, string? file, string workingDirectory)
    {
        if (file is null)
        {
            return report;
        }

        try
        {
            BaselineFile.Write(Path.GetFullPath(file, workingDirectory), report.AllFindings);
            return report with { WrittenBaseline = file };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return report with { Errors = report.Errors.Add($"cannot write baseline '{file}': {ex.Message}") };
        }
    }

    public static async Task<int> WriteAsync(Report report, CheckOptions options, CliContext context, CancellationToken cancellationToken)
    {
        foreach (var error in report.Errors)
        {
            await context.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
        }

        foreach (var notice in report.Notices)
        {
            await context.Error.WriteLineAsync("note: " + notice).ConfigureAwait(false);
        }

        // A text report of a target that could not be loaded would only say "no findings": the errors say it all.
        if (report.LoadFailed && options.Format == ReportFormat.Text)
        {
            return report.ExitCode;
        }

        var text = new StringWriter();
        ReportWriters.For(options.Format).Write(report, text);

        if (options.OutputFile is null)
        {
            await context.Out.WriteAsync(text.ToString()).ConfigureAwait(false);
            return report.ExitCode;
        }

        var outputPath = Path.GetFullPath(options.OutputFile, context.WorkingDirectory);
        try
        {
            var directory = Path.GetDirectoryName(outputPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await File.WriteAllTextAsync(outputPath, text.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot write report '{options.OutputFile}': {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        await context.Out.WriteLineAsync(TextReportWriter.SummaryLine(report)).ConfigureAwait(false);
        await context.Out.WriteLineAsync($"Report ({ReportWriters.Name(options.Format)}) written to {options.OutputFile}.").ConfigureAwait(false);
        return report.ExitCode;
    }
}
