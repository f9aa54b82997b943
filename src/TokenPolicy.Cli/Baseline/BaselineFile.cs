using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TokenPolicy.Cli.Analysis;

namespace TokenPolicy.Cli.Baseline;

/// <summary>One recorded finding: rule, relative path and fingerprint (no code, no line numbers, so no secret is copied into it).</summary>
internal sealed record BaselineEntry(string RuleId, string Path, string Fingerprint)
{
    public static BaselineEntry Of(Finding finding) => new(finding.RuleId, finding.RelativePath, finding.Fingerprint);
}

/// <summary>
/// The baseline file: findings accepted for now. A finding is suppressed when its fingerprint is recorded;
/// entries that match no current finding are stale (the code was fixed or changed).
/// </summary>
internal static class BaselineFile
{
    public const int FormatVersion = 1;

    public static ImmutableArray<BaselineEntry> Read(string path)
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

        var result = ImmutableArray.CreateBuilder<BaselineEntry>();
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

        return result.ToImmutable();
    }

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, BaselineJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("tool", "tokenpolicy");
        writer.WriteString("description", "Findings accepted for now. Fingerprint = rule + relative path + normalised flagged code + occurrence index; line numbers are not part of it.");
        BaselineJson.WriteEntries(writer, "entries", findings
            .Select(BaselineEntry.Of)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal));
        writer.WriteEndObject();
        writer.Flush();
        stream.Write(Encoding.UTF8.GetBytes(Environment.NewLine));
    }
}

/// <summary>The one JSON shape of baseline entries: the baseline file, and the stale entries in the JSON and SARIF reports.</summary>
internal static class BaselineJson
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteEntries(Utf8JsonWriter json, string propertyName, IEnumerable<BaselineEntry> entries)
    {
        json.WriteStartArray(propertyName);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", entry.RuleId);
            json.WriteString("path", entry.Path);
            json.WriteString("fingerprint", entry.Fingerprint);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
