using System.Text.Json.Nodes;

namespace TokenPolicy.Benchmarks;

/// <summary>The JSON report: every headline figure is also kept flat under "figures" for CI to assert on.</summary>
public sealed class Report
{
    /// <summary>Figures a run must produce; a missing one makes the program exit 3 (never a time threshold).</summary>
    public static readonly string[] Required =
    {
        "compile.wallMs", "compile.allocatedBytes",
        "ours.execMs", "ours.wallMs", "ours.allocatedBytes",
        "bannedApi.execMs", "bannedApi.wallMs", "bannedApi.allocatedBytes",
        "floor.execMs", "floor.wallMs", "floor.allocatedBytes",
        "ratios.oursOverCompile", "ratios.oursOverBannedApi", "ratios.oursOverFloor",
        "ratios.wall.oursOverCompile", "ratios.wall.oursOverBannedApi", "ratios.wall.oursOverFloor",
        "ratios.cpu.oursOverCompile", "ratios.cpu.oursOverBannedApi", "ratios.cpu.oursOverFloor",
        "perDocument.documents", "perDocument.oursExecP50Ms", "perDocument.oursExecP99Ms", "perDocument.oursWallP50Ms", "perDocument.oursWallP99Ms",
        "findings.oursPer100kLines", "findings.bannedApiPer100kLines",
        "client.resolve.nsPerCall", "client.resolve.bytesPerCall",
        "client.credentialClient.requestsPerSecond", "client.rawHttpClient.requestsPerSecond", "client.throughputRatio",
    };

    private readonly Dictionary<string, double> _figures = new(StringComparer.Ordinal);
    private readonly JsonObject _figuresJson = new();
    private readonly JsonObject _notes = new();

    public Report()
    {
        Root["figures"] = _figuresJson;
        Root["notes"] = _notes;
    }

    public JsonObject Root { get; } = new();

    public void Figure(string key, double value)
    {
        _figures[key] = value;
        _figuresJson[key] = Json(value);
    }

    public double Get(string key) => _figures.TryGetValue(key, out var v) ? v : double.NaN;

    public void Note(string key, string text) => _notes[key] = text;

    private readonly HashSet<string> _undefined = new(StringComparer.Ordinal);

    /// <summary>
    /// A figure that was measured but has no meaningful value (a ratio over an overhead that, within noise, was zero or
    /// negative in a short run): recorded as null with the reason, and not counted as missing.
    /// </summary>
    public void Undefined(string key, string reason)
    {
        _undefined.Add(key);
        _figures[key] = double.NaN;
        _figuresJson[key] = null;
        _notes[key] = reason;
    }

    public bool IsUndefined(string key) => _undefined.Contains(key);

    public static JsonNode? Json(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 6)) : null;
}
