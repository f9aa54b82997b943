using System.Text.Json;

namespace TokenPolicy.Package.Tests.Lsp;

/// <summary>An LSP position: zero-based line and UTF-16 character.</summary>
public readonly record struct LspPosition(int Line, int Character)
{
    public override string ToString() => $"{Line + 1}:{Character + 1}";
}

/// <summary>An LSP range, end exclusive.</summary>
public readonly record struct LspRange(LspPosition Start, LspPosition End)
{
    public override string ToString() => $"{Start}-{End}";
}

/// <summary>One diagnostic of a <c>textDocument/publishDiagnostics</c> notification.</summary>
public sealed record LspDiagnostic(string? Code, int Severity, LspRange Range, string Message, string? Source)
{
    /// <summary>LSP's DiagnosticSeverity.</summary>
    public const int Error = 1, Warning = 2, Information = 3, Hint = 4;

    public override string ToString() => $"{Range} severity {Severity} {Code}: {Message}";

    internal static LspDiagnostic Parse(JsonElement d)
    {
        string? code = d.TryGetProperty("code", out var c)
            ? c.ValueKind switch
            {
                JsonValueKind.String => c.GetString(),
                JsonValueKind.Number => c.GetRawText(),
                _ => null,
            }
            : null;
        var severity = d.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        var range = d.GetProperty("range");
        return new LspDiagnostic(
            code,
            severity,
            new LspRange(ParsePosition(range.GetProperty("start")), ParsePosition(range.GetProperty("end"))),
            d.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
            d.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String ? src.GetString() : null);
    }

    private static LspPosition ParsePosition(JsonElement p) =>
        new(p.GetProperty("line").GetInt32(), p.GetProperty("character").GetInt32());
}

/// <summary>One <c>textDocument/publishDiagnostics</c> as received: its order, the time it arrived, its diagnostics.</summary>
public sealed record DiagnosticsPublication(string Path, long Sequence, long ReceivedTimestamp, IReadOnlyList<LspDiagnostic> Diagnostics)
{
    public string Describe() =>
        Diagnostics.Count == 0
            ? "  (no diagnostics)"
            : string.Join(Environment.NewLine, Diagnostics.OrderBy(d => d.Range.Start.Line).ThenBy(d => d.Range.Start.Character).Select(d => "  " + d));
}
