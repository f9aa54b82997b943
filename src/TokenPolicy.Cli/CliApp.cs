using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TokenPolicy.Cli.Analysis;
using TokenPolicy.Cli.Reporting;

namespace TokenPolicy.Cli;

/// <summary>The command line: parses arguments and runs a command. In-process entry point for tests.</summary>
public static class CliApp
{
    /// <summary>Runs the tool with <paramref name="args"/> and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        var root = BuildCommandLine(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await context.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("Run 'tokenpolicy --help' or 'tokenpolicy check --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    /// <summary>Runs the tool against the process console.</summary>
    public static int Run(string[] args, CliContext context) => RunAsync(args, context).GetAwaiter().GetResult();

    private static RootCommand BuildCommandLine(CliContext context)
    {
        var pathArgument = new Argument<string?>("PATH")
        {
            Description = "A .sln, .slnx or .csproj file, a .cs file, or a folder. A folder with projects is analysed through them; "
                + "a folder without one as loose .cs files against .NET 8 reference assemblies. Default: the bundled sample samples/LegacyRunner.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        pathArgument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });

        var formatOption = new Option<string>("--format", "-f")
        {
            Description = "Report format: compiler-style text, the tool's JSON, SARIF 2.1.0 (code scanning), or GitHub Actions annotations.",
            DefaultValueFactory = _ => ReportWriters.Name(ReportFormat.Text),
            HelpName = string.Join("|", ReportWriters.Names),
        };
        formatOption.AcceptOnlyFromAmong(ReportWriters.Names.ToArray());

        var outputOption = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE instead of standard output (a one-line summary still goes to standard output).",
            HelpName = "FILE",
        };

        var severityOption = new Option<string>("--severity")
        {
            Description = "Exit with 1 when findings at or above this severity remain.",
            DefaultValueFactory = _ => "warning",
            HelpName = "info|warning|error",
        };
        severityOption.AcceptOnlyFromAmong("info", "warning", "error");

        var baselineOption = new Option<string?>("--baseline")
        {
            Description = "Suppress the findings recorded in FILE (written by --write-baseline); report entries that no longer match.",
            HelpName = "FILE",
        };

        var writeBaselineOption = new Option<string?>("--write-baseline")
        {
            Description = "Record every current finding in FILE and exit 0 (unless loading failed).",
            HelpName = "FILE",
        };

        var fixOption = new Option<bool>("--fix")
        {
            Description = "Apply the default code fix to every fixable finding at or above --severity, write the files, then report what is left.",
        };

        var looseOption = new Option<bool>("--loose")
        {
            Description = "Analyse a folder's .cs files as loose files even when it contains projects (no restore, no MSBuild).",
        };

        var noRestoreOption = new Option<bool>("--no-restore")
        {
            Description = "Do not run 'dotnet restore' before loading projects.",
        };

        var verboseOption = new Option<bool>("--verbose", "-v")
        {
            Description = "Also print project-loading warnings and timings to standard error.",
        };

        var check = new Command("check", "Analyse a solution, project or folder for TokenPolicy violations.")
        {
            pathArgument,
            formatOption,
            outputOption,
            severityOption,
            baselineOption,
            writeBaselineOption,
            fixOption,
            looseOption,
            noRestoreOption,
            verboseOption,
        };

        check.SetAction((parseResult, cancellationToken) =>
        {
            var options = new CheckOptions
            {
                Path = parseResult.GetValue(pathArgument),
                Format = ReportWriters.Parse(parseResult.GetValue(formatOption) ?? ReportWriters.Name(ReportFormat.Text)),
                OutputFile = parseResult.GetValue(outputOption),
                Threshold = ParseSeverity(parseResult.GetValue(severityOption) ?? "warning"),
                BaselineFile = parseResult.GetValue(baselineOption),
                WriteBaselineFile = parseResult.GetValue(writeBaselineOption),
                Fix = parseResult.GetValue(fixOption),
                Loose = parseResult.GetValue(looseOption),
                NoRestore = parseResult.GetValue(noRestoreOption),
                Verbose = parseResult.GetValue(verboseOption),
            };
            return new CheckCommand(context, options).RunAsync(cancellationToken);
        });

        var rules = new Command("rules", "List the rules the tool runs and whether a code fix exists for each.");
        rules.SetAction(parseResult =>
        {
            var catalog = RuleCatalog.Load(context.RuleAssemblies);
            foreach (var descriptor in catalog.Descriptors)
            {
                var fixable = catalog.FixersFor(descriptor.Id).Any() ? "fix" : "   ";
                context.Out.WriteLine($"{descriptor.Id}  {Severities.Name(descriptor.DefaultSeverity),-7}  {fixable}  {descriptor.Title}  {descriptor.HelpLinkUri}");
            }

            return ExitCodes.Clean;
        });

        return new RootCommand("TokenPolicy: finds service-account token reads and hardcoded bearer tokens in C# code.")
        {
            check,
            rules,
        };
    }

    private static DiagnosticSeverity ParseSeverity(string value) => value switch
    {
        "info" => DiagnosticSeverity.Info,
        "error" => DiagnosticSeverity.Error,
        _ => DiagnosticSeverity.Warning,
    };
}

/// <summary>Options of <c>tokenpolicy check</c>.</summary>
internal sealed record CheckOptions
{
    public string? Path { get; init; }
    public ReportFormat Format { get; init; } = ReportFormat.Text;
    public string? OutputFile { get; init; }
    public DiagnosticSeverity Threshold { get; init; } = DiagnosticSeverity.Warning;
    public string? BaselineFile { get; init; }
    public string? WriteBaselineFile { get; init; }
    public bool Fix { get; init; }
    public bool Loose { get; init; }
    public bool NoRestore { get; init; }
    public bool Verbose { get; init; }
}
