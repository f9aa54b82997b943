using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace TokenPolicy.Cli;

/// <summary>One recorded finding: rule, relative path and fingerprint (no code, no line numbers, so no secret is copied into it).</summary>
internal sealed record BaselineEntry(string RuleId, string Path, string Fingerprint);

/// <summary>
/// The baseline file: findings accepted for now. A finding is suppressed when its fingerprint is recorded;
/// entries that match no current finding are stale (the code was fixed or changed).
/// </summary>
internal static class Baseline
{
    public const int FormatVersion = 1;

    public static List<BaselineEntry> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion
            || !root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"not a tokenpolicy baseline (expected {{\"version\": {FormatVersion}, \"entries\": [...]}})");
        }

        var result = new List<BaselineEntry>();
        foreach (var entry in entries.EnumerateArray())
        {
            var ruleId = entry.TryGetProperty("ruleId", out var r) ? r.GetString() : null;
            var file = entry.TryGetProperty("path", out var p) ? p.GetString() : null;
            var fingerprint = entry.TryGetProperty("fingerprint", out var f) ? f.GetString() : null;
            if (string.IsNullOrEmpty(ruleId) || file is null || string.IsNullOrEmpty(fingerprint))
            {
                throw new InvalidDataException("a baseline entry lacks ruleId, path or fingerprint");
            }

            result.Add(new BaselineEntry(ruleId, file, fingerprint));
        }

        return result;
    }

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("tool", "tokenpolicy");
        writer.WriteString("description", "Findings accepted for now. Fingerprint = rule + relative path + normalised flagged code + occurrence index; line numbers are not part of it.");
        writer.WriteStartArray("entries");
        foreach (var finding in findings
                     .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                     .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                     .ThenBy(f => f.Fingerprint, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("path", finding.RelativePath);
            writer.WriteString("fingerprint", finding.Fingerprint);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
    }

    /// <summary>Marks the findings the baseline records; returns the entries that matched none.</summary>
    public static List<BaselineEntry> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<BaselineEntry> entries)
    {
        var remaining = entries
            .GroupBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<BaselineEntry>(g), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (remaining.TryGetValue(finding.Fingerprint, out var queue) && queue.Count > 0 && queue.Peek().RuleId == finding.RuleId)
            {
                queue.Dequeue();
                finding.Baselined = true;
            }
        }

        return remaining.Values.SelectMany(q => q)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
