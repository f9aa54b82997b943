using System.Text.Json;

namespace TokenPolicy.Cli.Tests;

/// <summary>--write-baseline / --baseline: fingerprints without line numbers, new violations, stale entries.</summary>
public sealed class BaselineTests
{
    [Fact]
    public async Task Baseline_suppresses_recorded_findings_across_moved_lines_reports_new_ones_and_stale_entries()
    {
        using var dir = new TempDir();
        dir.Write("src/TokenReader.cs", Sources.TokenReader);
        dir.Write("src/Headers.cs", Sources.HardcodedHeader("baseline"));

        // 1. Record.
        var write = await Cli.RunAsync(dir.Path, "check", "src", "--write-baseline", "tokenpolicy-baseline.json");
        Assert.Equal(ExitCodes.Clean, write.ExitCode);
        Assert.Contains("Wrote baseline tokenpolicy-baseline.json with 2 entries.", write.Out);
        var baselineText = dir.Read("tokenpolicy-baseline.json");
        using (var baseline = JsonDocument.Parse(baselineText))
        {
            var entries = baseline.RootElement.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(2, entries.Count);
            Assert.All(entries, e => Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("fingerprint").GetString()));
            // Paths are relative to the scanned folder (or to the repository root when it is in a git repository).
            Assert.Equal(new[] { "Headers.cs", "TokenReader.cs" }, entries.Select(e => e.GetProperty("path").GetString()));
        }

        Assert.DoesNotContain("eyJ", baselineText); // no code (and so no secret) is copied into the baseline
        Assert.DoesNotContain("\"line\"", baselineText);

        // 2. Same code: everything suppressed.
        var same = await Cli.RunAsync(dir.Path, "check", "src", "--baseline", "tokenpolicy-baseline.json");
        Assert.Equal(ExitCodes.Clean, same.ExitCode);
        Assert.Contains("No findings;", same.Out);
        Assert.Contains("Baseline tokenpolicy-baseline.json: 2 suppressed, 0 stale.", same.Out);

        // 3. Lines inserted above the findings: still suppressed.
        dir.Write("src/TokenReader.cs", "// inserted\n// lines\n" + Sources.TokenReader);
        dir.Write("src/Headers.cs", "// inserted line\n" + Sources.HardcodedHeader("baseline"));
        var moved = await Cli.RunAsync(dir.Path, "check", "src", "--baseline", "tokenpolicy-baseline.json");
        Assert.Equal(ExitCodes.Clean, moved.ExitCode);
        Assert.Contains("Baseline tokenpolicy-baseline.json: 2 suppressed, 0 stale.", moved.Out);

        // 4. A new violation is reported; the recorded ones stay suppressed.
        dir.Write("src/Stream.cs", Sources.StreamTokenReader);
        var added = await Cli.RunAsync(dir.Path, "check", "src", "--baseline", "tokenpolicy-baseline.json");
        Assert.Equal(ExitCodes.Findings, added.ExitCode);
        Assert.Contains("src/Stream.cs:7:", added.Out);
        Assert.DoesNotContain("src/TokenReader.cs:", added.Out);
        Assert.DoesNotContain("src/Headers.cs:", added.Out);
        Assert.Contains("1 finding (1 warning) in 1 file", added.Out);

        // 5. A recorded violation is fixed: its entry is stale (reported, not an error).
        File.Delete(dir["src/Stream.cs"]);
        dir.Write("src/Headers.cs", Sources.Clean);
        var stale = await Cli.RunAsync(dir.Path, "check", "src", "--baseline", "tokenpolicy-baseline.json");
        Assert.Equal(ExitCodes.Clean, stale.ExitCode);
        Assert.Contains("Baseline tokenpolicy-baseline.json: 1 suppressed, 1 stale.", stale.Out);
        Assert.Contains("stale baseline entry: TP0002 Headers.cs (", stale.Out);

        var staleJson = await Cli.RunAsync(dir.Path, "check", "src", "--baseline", "tokenpolicy-baseline.json", "--format", "json");
        using var json = JsonDocument.Parse(staleJson.Out);
        var staleEntry = Assert.Single(json.RootElement.GetProperty("baseline").GetProperty("stale").EnumerateArray());
        Assert.Equal("TP0002", staleEntry.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Identical_flagged_lines_in_one_file_are_told_apart_by_occurrence()
    {
        using var dir = new TempDir();
        static string Twice(int count) =>
            "using System.IO;\n\npublic static class Twice\n{\n"
            + string.Concat(Enumerable.Repeat("    public static string A() => File.ReadAllText(\"/var/run/secrets/kubernetes.io/serviceaccount/token\");\n", count))
            + "}\n";
        dir.Write("Twice.cs", Twice(2)); // the same code on two lines

        await Cli.RunAsync(dir.Path, "check", ".", "--write-baseline", "b.json");
        using var baseline = JsonDocument.Parse(dir.Read("b.json"));
        var fingerprints = baseline.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(2, fingerprints.Count);
        Assert.Equal(2, fingerprints.Distinct().Count());

        // A third identical line is one new finding.
        dir.Write("Twice.cs", Twice(3));
        var third = await Cli.RunAsync(dir.Path, "check", ".", "--baseline", "b.json");
        Assert.Equal(ExitCodes.Findings, third.ExitCode);
        Assert.Contains("1 finding (1 warning)", third.Out);
        Assert.Contains("2 suppressed, 0 stale", third.Out);
    }

    [Fact]
    public async Task Missing_or_invalid_baseline_is_a_usage_error()
    {
        using var dir = new TempDir();
        dir.Write("Clean.cs", Sources.Clean);
        dir.Write("bad.json", "{ \"not\": \"a baseline\" }");

        var missing = await Cli.RunAsync(dir.Path, "check", ".", "--baseline", "nope.json");
        var invalid = await Cli.RunAsync(dir.Path, "check", ".", "--baseline", "bad.json");

        Assert.Equal(ExitCodes.Error, missing.ExitCode);
        Assert.Contains("error: cannot read baseline 'nope.json': file not found", missing.Err);
        Assert.Equal(ExitCodes.Error, invalid.ExitCode);
        Assert.Contains("error: cannot read baseline 'bad.json': not a tokenpolicy baseline", invalid.Err);
    }
}
