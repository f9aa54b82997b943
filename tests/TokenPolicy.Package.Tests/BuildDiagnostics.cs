using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenPolicy.Package.Tests;

/// <summary>
/// One diagnostic as MSBuild's console logger prints it (one-based; the end, exclusive, only with
/// <c>-p:ErrorEndLocation=true</c>, else 0).
/// </summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message, int EndLine = 0, int EndColumn = 0)
{
    public override string ToString() => $"{System.IO.Path.GetFileName(File)}({Line},{Column}): {Severity} {Id}: {Message}";
}

/// <summary>Reads compiler diagnostics out of <c>dotnet build</c> output (each distinct one once).</summary>
public static partial class BuildDiagnostics
{
    // /path/File.cs(12,34): warning TP0001: message [/path/Project.csproj]   (12,34,12,56) with ErrorEndLocation
    [GeneratedRegex(@"^\s*(?<file>.+?)\((?<line>\d+),(?<col>\d+)(?:,(?<eline>\d+),(?<ecol>\d+))?\)\s*:\s*(?<sev>error|warning|info)\s+(?<id>[A-Z]+\d+)\s*:\s*(?<msg>.*?)(?:\s+\[[^\]]+\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        DiagnosticLine().Matches(output)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, CultureInfo.InvariantCulture),
                m.Groups["sev"].Value,
                m.Groups["id"].Value,
                m.Groups["msg"].Value,
                m.Groups["eline"].Success ? int.Parse(m.Groups["eline"].Value, CultureInfo.InvariantCulture) : 0,
                m.Groups["ecol"].Success ? int.Parse(m.Groups["ecol"].Value, CultureInfo.InvariantCulture) : 0))
            .Distinct()
            .ToList();

    public static IReadOnlyList<BuildDiagnostic> TokenPolicy(this IReadOnlyList<BuildDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("TP", StringComparison.Ordinal) && d.Id.Length == 6).ToList();

    public static IReadOnlyList<BuildDiagnostic> WithId(this IReadOnlyList<BuildDiagnostic> diagnostics, string id) =>
        diagnostics.Where(d => d.Id == id).ToList();

    public static IReadOnlyList<BuildDiagnostic> Errors(this IReadOnlyList<BuildDiagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == "error").ToList();

    public static string Describe(this IEnumerable<BuildDiagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
}
