using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace TokenPolicy.Cli;

/// <summary>Everything the CLI takes from its host: writers, working directory, terminal state, rule assemblies.</summary>
public sealed class CliContext
{
    /// <summary>Standard output (reports).</summary>
    public TextWriter Out { get; init; } = TextWriter.Null;

    /// <summary>Standard error (errors, notices, progress).</summary>
    public TextWriter Error { get; init; } = TextWriter.Null;

    /// <summary>Directory that relative paths on the command line are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>True when stderr is a terminal: progress ("files analysed of total") is written only then.</summary>
    public bool ShowProgress { get; init; }

    /// <summary>
    /// Assemblies searched (by reflection) for DiagnosticAnalyzer and CodeFixProvider types.
    /// Null means the bundled TokenPolicy.Analyzers and, when present, TokenPolicy.CodeFixes.
    /// </summary>
    public IReadOnlyList<Assembly>? RuleAssemblies { get; init; }

    /// <summary>Overrides where <c>check</c> without a PATH looks for the bundled sample (tests).</summary>
    public string? DefaultTarget { get; init; }
}
