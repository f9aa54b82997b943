using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TokenPolicy.Cli.Analysis;

/// <summary>
/// One reported diagnostic, located. Immutable: the steps after analysis derive new findings with
/// <c>with</c> (fingerprint when analysed, <see cref="Baselined"/> by the baseline step, <see cref="Fixable"/> by the fix step).
/// </summary>
internal sealed record Finding
{
    public required Diagnostic Diagnostic { get; init; }

    public string RuleId => Diagnostic.Id;

    public DiagnosticSeverity Severity => Diagnostic.Severity;

    public string Message => Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Absolute path of the file ("" when the diagnostic has no source location).</summary>
    public required string FilePath { get; init; }

    /// <summary>Path relative to the fingerprint base (repository root or scan root), '/'-separated.</summary>
    public required string RelativePath { get; init; }

    /// <summary>1-based line and column (UTF-16 code units) of the start and end of the span.</summary>
    public required int Line { get; init; }

    public required int Column { get; init; }

    public required int EndLine { get; init; }

    public required int EndColumn { get; init; }

    /// <summary>The flagged lines, whitespace collapsed: the code part of the fingerprint.</summary>
    public required string NormalizedCode { get; init; }

    /// <summary>Stable identity: hash of rule, relative path, normalised code and occurrence index (never line numbers).</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>True when a code fix registers an action for this finding.</summary>
    public bool Fixable { get; init; }

    /// <summary>True when suppressed by the baseline.</summary>
    public bool Baselined { get; init; }
}

/// <summary>Builds findings from diagnostics and computes their fingerprints.</summary>
internal static partial class Findings
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static Finding Create(Diagnostic diagnostic, string fingerprintBase)
    {
        var location = diagnostic.Location;
        if (!location.IsInSource || location.SourceTree is null)
        {
            return new Finding
            {
                Diagnostic = diagnostic,
                FilePath = "",
                RelativePath = "",
                Line = 0,
                Column = 0,
                EndLine = 0,
                EndColumn = 0,
                NormalizedCode = "",
            };
        }

        var tree = location.SourceTree;
        var span = location.GetLineSpan();
        var text = tree.GetText();
        var path = tree.FilePath;
        return new Finding
        {
            Diagnostic = diagnostic,
            FilePath = path,
            RelativePath = RelativePath(fingerprintBase, path),
            Line = span.StartLinePosition.Line + 1,
            Column = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            NormalizedCode = NormalizeCode(text, span.StartLinePosition.Line, span.EndLinePosition.Line),
        };
    }

    /// <summary>The text of the flagged lines with every whitespace run collapsed to one space (at most 20 lines).</summary>
    internal static string NormalizeCode(SourceText text, int startLine, int endLine)
    {
        endLine = Math.Min(endLine, Math.Min(text.Lines.Count - 1, startLine + 19));
        if (startLine < 0 || startLine >= text.Lines.Count)
        {
            return "";
        }

        var span = TextSpan.FromBounds(text.Lines[startLine].Start, text.Lines[endLine].End);
        return NormalizeCode(text.ToString(span));
    }

    internal static string NormalizeCode(string code) => Whitespace().Replace(code, " ").Trim();

    /// <summary>'/'-separated path of <paramref name="path"/> relative to <paramref name="basePath"/>.</summary>
    public static string RelativePath(string basePath, string path)
    {
        if (path.Length == 0)
        {
            return "";
        }

        return Path.GetRelativePath(basePath, path).Replace('\\', '/');
    }

    /// <summary>
    /// Orders findings by file and position and returns them fingerprinted. The occurrence index tells apart
    /// identical flagged code in one file (the n-th finding of that rule on that code).
    /// </summary>
    public static ImmutableArray<Finding> Fingerprint(IEnumerable<Finding> findings)
    {
        var ordered = findings
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Finding>();
        foreach (var finding in ordered)
        {
            var key = finding.RuleId + "\n" + finding.RelativePath + "\n" + finding.NormalizedCode;
            occurrences.TryGetValue(key, out var index);
            occurrences[key] = index + 1;
            result.Add(finding with { Fingerprint = ComputeFingerprint(finding.RuleId, finding.RelativePath, finding.NormalizedCode, index) });
        }

        return result.ToImmutable();
    }

    internal static string ComputeFingerprint(string ruleId, string relativePath, string normalizedCode, int occurrence)
    {
        var input = $"tokenpolicy/v1\n{ruleId}\n{relativePath}\n{normalizedCode}\n{occurrence}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
