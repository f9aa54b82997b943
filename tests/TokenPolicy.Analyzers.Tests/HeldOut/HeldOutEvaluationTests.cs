using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit.Abstractions;

namespace TokenPolicy.Analyzers.Tests.HeldOut;

/// <summary>
/// The held-out evaluation set of issue 12 (docs/heldout.md): cases written independently of the analyzers, scored
/// per rule (precision, recall), and the share of findings left after applying every code fix the way
/// <c>dotnet format analyzers</c> does. Floors come from HeldOut/floors.json.
/// </summary>
[Trait("Category", "HeldOut")]
public sealed class HeldOutEvaluationTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly ITestOutputHelper _output;

    public HeldOutEvaluationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public Task Detection_reaches_the_floors() => DetectionReachesTheFloorsAsync(HeldOutCases.Set1);

    [Fact]
    public Task Set2_detection_reaches_the_set2_floors() => DetectionReachesTheFloorsAsync(HeldOutCases.Set2);

    [Fact]
    public Task Fixes_remove_the_findings_and_the_fixed_code_compiles() => FixesReachTheFloorsAsync(HeldOutCases.Set1);

    [Fact]
    public Task Set2_fixes_remove_the_findings_and_the_fixed_code_compiles() => FixesReachTheFloorsAsync(HeldOutCases.Set2);

    /// <summary>Both sets together (detection and fixes), reported in detection-combined.md and fixes-combined.md.</summary>
    [Fact]
    public async Task Both_sets_combined()
    {
        var detections = new List<Detection>();
        var fixes = new List<FixResult>();
        foreach (var set in HeldOutCases.Sets)
        {
            detections.Add(await DetectAsync(set));
            fixes.AddRange(await FixAllAsync(set));
        }

        var cases = detections.SelectMany(d => d.Cases).ToImmutableArray();
        var results = detections.SelectMany(d => d.Results).ToList();
        var detection = DetectionReport("both sets", cases, results, ScoreAll(results));
        var floor = Floors.Load(null).Fix;
        var fix = FixReport("both sets", fixes, floor, out _, out _);
        _output.WriteLine(detection);
        _output.WriteLine(fix);
        WriteReport("detection-combined.md", detection);
        WriteReport("fixes-combined.md", fix);

        var problems = detections.SelectMany(d => d.Problems).ToList();
        Assert.True(problems.Count == 0, "invalid held-out cases:\n" + string.Join("\n", problems));
        Assert.Equal(cases.Length, HeldOutCases.Sets.Sum(s => HeldOutCases.Of(s).Length));
    }

    private async Task DetectionReachesTheFloorsAsync(string set)
    {
        var (cases, problems, results) = await DetectAsync(set);
        var scores = ScoreAll(results);
        var report = DetectionReport(SetTitle(set), cases, results, scores);
        _output.WriteLine(report);
        WriteReport(ReportName("detection", set), report);

        Assert.True(problems.Count == 0, "invalid held-out cases:\n" + string.Join("\n", problems));
        Assert.True(cases.Length >= 120, $"the set must hold at least 120 cases, it holds {cases.Length}");

        var floors = Floors.Load(FloorSection(set));
        var below = new List<string>();
        foreach (var (rule, floor) in floors.Rules)
        {
            var score = scores.TryGetValue(rule, out var s) ? s : new Score(rule, 0, 0, 0);
            if (score.Recall < floor.Recall)
            {
                below.Add($"{rule} recall {score.Recall:F3} < floor {floor.Recall:F2}");
            }

            if (score.Precision < floor.Precision)
            {
                below.Add($"{rule} precision {score.Precision:F3} < floor {floor.Precision:F2}");
            }
        }

        Assert.True(below.Count == 0, string.Join("\n", below) + "\n\n" + report);
    }

    private async Task FixesReachTheFloorsAsync(string set)
    {
        var rows = await FixAllAsync(set);

        // The ratio counts the rules the fix floor names (TP0001 and TP0002: what `dotnet format analyzers --diagnostics
        // TP0001 TP0002` is asked to fix); the table in the report shows every rule.
        var floor = Floors.Load(FloorSection(set)).Fix;
        var text = FixReport(SetTitle(set), rows, floor, out var ratio, out var compileRatio);
        _output.WriteLine(text);
        WriteReport(ReportName("fixes", set), text);

        Assert.True(ratio <= floor.MaxRemainingRatio, $"remaining ratio {ratio:F3} > floor {floor.MaxRemainingRatio:F2}\n\n{text}");
        Assert.True(compileRatio >= floor.MinCompilingRatio, $"compiling ratio {compileRatio:F3} < floor {floor.MinCompilingRatio:F2}\n\n{text}");
    }

    private static string FixReport(string title, IReadOnlyList<FixResult> rows, FixFloor floor, out double ratio, out double compileRatio)
    {
        var original = rows.Sum(r => r.Original.Count(d => floor.Rules.Contains(d.Id)));
        var remaining = rows.Sum(r => r.Remaining.Count(d => floor.Rules.Contains(d.Id)));
        var changed = rows.Where(r => r.Changed).ToList();
        var compiling = changed.Count(r => r.NewErrors.Length == 0);
        ratio = original == 0 ? 0 : (double)remaining / original;
        compileRatio = changed.Count == 0 ? 1 : (double)compiling / changed.Count;

        var report = new StringBuilder();
        report.AppendLine(Invariant, $"## Held-out fix measurement ({title})");
        report.AppendLine();
        report.AppendLine(Invariant, $"Positive cases: {rows.Count}; fixers: {string.Join(", ", HeldOutCases.Fixers.Select(f => f.GetType().Name))}.");
        report.AppendLine();
        report.AppendLine(Invariant, $"- remaining after fixes ({string.Join(", ", floor.Rules)}): {remaining} of {original} ({ratio:P1})");
        report.AppendLine(Invariant, $"- fixed code compiles: {compiling} of {changed.Count} changed documents");
        report.AppendLine();
        report.AppendLine("| rule | findings before | remaining after |");
        report.AppendLine("| --- | ---: | ---: |");
        foreach (var rule in rows.SelectMany(r => r.Original).Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal))
        {
            report.AppendLine(Invariant, $"| {rule} | {rows.Sum(r => r.Original.Count(d => d.Id == rule))} | {rows.Sum(r => r.Remaining.Count(d => d.Id == rule))} |");
        }

        report.AppendLine();
        report.AppendLine("### Findings left after the fixes (no fix for the shape, or the fix did not remove it)");
        report.AppendLine();
        foreach (var row in rows.Where(r => r.Remaining.Length > 0))
        {
            foreach (var d in row.Remaining)
            {
                report.AppendLine(Invariant, $"- {Display(row.Case)}:{HeldOutCases.LineOf(d)} (fixed text) {d.Id}: {d.GetMessage(Invariant)} ({Shape(row.Case)})");
            }
        }

        report.AppendLine();
        report.AppendLine("### Fixed code that does not compile");
        report.AppendLine();
        foreach (var row in changed.Where(r => r.NewErrors.Length > 0))
        {
            report.AppendLine(Invariant, $"- {Display(row.Case)}: {string.Join("; ", row.NewErrors)}");
        }

        return report.ToString();
    }

    // ---- per-set evaluation, computed once per test run and shared by the tests that report it ----

    private sealed record Detection(ImmutableArray<HeldOutCase> Cases, List<string> Problems, List<CaseResult> Results);

    private static readonly ConcurrentDictionary<string, Lazy<Task<Detection>>> s_detections = new();
    private static readonly ConcurrentDictionary<string, Lazy<Task<List<FixResult>>>> s_fixes = new();

    private static Task<Detection> DetectAsync(string set)
        => s_detections.GetOrAdd(set, s => new Lazy<Task<Detection>>(() => ComputeDetectionAsync(s))).Value;

    private static Task<List<FixResult>> FixAllAsync(string set)
        => s_fixes.GetOrAdd(set, s => new Lazy<Task<List<FixResult>>>(() => ComputeFixesAsync(s))).Value;

    private static async Task<Detection> ComputeDetectionAsync(string set)
    {
        var cases = HeldOutCases.Of(set);
        var problems = new List<string>();
        var results = new List<CaseResult>();
        foreach (var @case in cases)
        {
            problems.AddRange(CheckShape(@case));
            var compilation = HeldOutCases.Compile(@case);
            problems.AddRange(CompilerErrors(compilation).Select(e => $"{Display(@case)}: does not compile: {e}"));
            var findings = await HeldOutCases.AnalyzeAsync(compilation);
            problems.AddRange(findings.Where(d => d.Id == "AD0001").Select(d => $"{Display(@case)}: analyzer crashed: {d.GetMessage(Invariant)}"));
            results.Add(Match(@case, findings.Where(d => d.Id != "AD0001").ToImmutableArray()));
        }

        return new Detection(cases, problems, results);
    }

    private static async Task<List<FixResult>> ComputeFixesAsync(string set)
    {
        var rows = new List<FixResult>();
        foreach (var @case in HeldOutCases.Of(set).Where(c => c.IsPositive))
        {
            rows.Add(await FixAsync(@case));
        }

        return rows;
    }

    /// <summary>floors.json: set 1's floors are at the top level, set 2's in the <c>"set2"</c> section.</summary>
    private static string? FloorSection(string set) => set == HeldOutCases.Set1 ? null : "set2";

    private static string SetTitle(string set) => set == HeldOutCases.Set1 ? "set 1, Cases" : "set 2, Cases2";

    /// <summary>Set 1 keeps its report names (detection.md, fixes.md); set 2 writes detection-set2.md, fixes-set2.md.</summary>
    private static string ReportName(string kind, string set) => set == HeldOutCases.Set1 ? kind + ".md" : kind + "-set2.md";

    /// <summary>A case's name in reports: set 1 as before (<c>TP0001/P001_....cs</c>), set 2 prefixed (<c>Cases2/TP0001/...</c>).</summary>
    private static string Display(HeldOutCase @case) => @case.Set == HeldOutCases.Set1 ? @case.Name : @case.Set + "/" + @case.Name;

    // ---- detection ----

    private sealed record CaseResult(HeldOutCase Case, List<(Label Label, Diagnostic? Finding)> Labels, List<Diagnostic> FalsePositives);

    private sealed record Score(string Rule, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    /// <summary>A finding matches an unmatched label with the same rule id whose span starts on the finding's line.</summary>
    private static CaseResult Match(HeldOutCase @case, ImmutableArray<Diagnostic> findings)
    {
        var labels = @case.Labels.Select(l => (Label: l, Finding: (Diagnostic?)null)).ToList();
        var falsePositives = new List<Diagnostic>();
        foreach (var finding in findings)
        {
            var line = HeldOutCases.LineOf(finding);
            var index = labels.FindIndex(l => l.Finding is null && l.Label.RuleId == finding.Id && l.Label.Line == line);
            if (index >= 0)
            {
                labels[index] = (labels[index].Label, finding);
            }
            else
            {
                falsePositives.Add(finding);
            }
        }

        return new CaseResult(@case, labels, falsePositives);
    }

    private static Dictionary<string, Score> ScoreAll(List<CaseResult> results)
    {
        var rules = results.SelectMany(r => r.Labels.Select(l => l.Label.RuleId).Concat(r.FalsePositives.Select(d => d.Id)))
            .Distinct()
            .OrderBy(x => x, StringComparer.Ordinal);
        return rules.ToDictionary(
            rule => rule,
            rule => new Score(
                rule,
                results.Sum(r => r.Labels.Count(l => l.Label.RuleId == rule && l.Finding is not null)),
                results.Sum(r => r.FalsePositives.Count(d => d.Id == rule)),
                results.Sum(r => r.Labels.Count(l => l.Label.RuleId == rule && l.Finding is null))));
    }

    private static string DetectionReport(string title, ImmutableArray<HeldOutCase> cases, List<CaseResult> results, Dictionary<string, Score> scores)
    {
        var report = new StringBuilder();
        report.AppendLine(Invariant, $"## Held-out detection ({title})");
        report.AppendLine();
        report.AppendLine(Invariant, $"{cases.Length} cases ({cases.Count(c => c.IsPositive)} positive, {cases.Count(c => !c.IsPositive)} near-misses), {cases.Sum(c => c.Labels.Length)} labels; analyzers: {string.Join(", ", HeldOutCases.Analyzers.Select(a => a.GetType().Name))}.");
        report.AppendLine();
        report.AppendLine("| rule | cases | labels | TP | FP | FN | precision | recall |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var score in scores.Values)
        {
            var folder = cases.Count(c => c.Name.StartsWith(score.Rule + "/", StringComparison.Ordinal));
            var labels = cases.Sum(c => c.Labels.Count(l => l.RuleId == score.Rule));
            report.AppendLine(Invariant, $"| {score.Rule} | {folder} | {labels} | {score.TruePositives} | {score.FalsePositives} | {score.FalseNegatives} | {score.Precision:F3} | {score.Recall:F3} |");
        }

        report.AppendLine();
        report.AppendLine("### Misses (labelled, not reported)");
        report.AppendLine();
        foreach (var result in results)
        {
            foreach (var (label, _) in result.Labels.Where(l => l.Finding is null))
            {
                report.AppendLine(Invariant, $"- {Display(result.Case)}:{label.Line} {label.RuleId}: `{result.Case.RawLine(label.Line)}` ({Shape(result.Case)})");
            }
        }

        report.AppendLine();
        report.AppendLine("### False positives (reported, not labelled on that line)");
        report.AppendLine();
        foreach (var result in results)
        {
            foreach (var finding in result.FalsePositives)
            {
                report.AppendLine(Invariant, $"- {Display(result.Case)}:{HeldOutCases.LineOf(finding)} {finding.Id}: {finding.GetMessage(Invariant)}");
            }
        }

        return report.ToString();
    }

    /// <summary>The case's own description: its first line, a <c>// Shape: ...</c> comment.</summary>
    private static string Shape(HeldOutCase @case)
    {
        var first = @case.Source.Split('\n', 2)[0].Trim();
        return first.StartsWith("// Shape:", StringComparison.Ordinal) ? first["// Shape:".Length..].Trim() : "?";
    }

    private static IEnumerable<string> CheckShape(HeldOutCase @case)
    {
        var file = Path.GetFileName(@case.Name);
        if (file[0] is not ('P' or 'N'))
        {
            yield return $"{@case.Name}: a case file name starts with P (positive) or N (near-miss)";
        }
        else if (@case.IsPositive != (@case.Labels.Length > 0))
        {
            yield return $"{@case.Name}: {(@case.IsPositive ? "a positive case has no label" : "a near-miss case has a label")}";
        }

        if (Shape(@case) == "?")
        {
            yield return $"{@case.Name}: the first line must be a '// Shape: ...' comment";
        }

        foreach (var label in @case.Labels.Where(l => l.RuleId is not ("TP0001" or "TP0002" or "TP0003")))
        {
            yield return $"{@case.Name}:{label.Line}: unknown rule id {label.RuleId} in markup";
        }
    }

    private static IEnumerable<string> CompilerErrors(Compilation compilation)
        => compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{HeldOutCases.LineOf(d)}: {d.Id} {d.GetMessage(Invariant)}");

    // ---- fixes ----

    private sealed record FixResult(HeldOutCase Case, ImmutableArray<Diagnostic> Original, ImmutableArray<Diagnostic> Remaining, bool Changed, ImmutableArray<string> NewErrors);

    /// <summary>
    /// What <c>dotnet format analyzers</c> does, per round: for each fixer and each of its diagnostic ids with findings,
    /// the equivalence key of the first action offered for the first fixable finding, applied through the fixer's
    /// FixAll provider in document scope (or that single action when there is no provider). Rounds repeat, at most
    /// four, until nothing changes; then the analyzers and the compiler run again on the result.
    /// </summary>
    private static async Task<FixResult> FixAsync(HeldOutCase @case)
    {
        var document = HeldOutCases.CreateDocument(@case);
        var originalDocument = document;
        var original = await AnalyzeAsync(document);
        var before = CompilerErrors((await document.Project.GetCompilationAsync())!).ToHashSet();

        var current = original;
        for (var round = 0; round < 4; round++)
        {
            var changedInRound = false;
            foreach (var fixer in HeldOutCases.Fixers)
            {
                foreach (var id in fixer.FixableDiagnosticIds)
                {
                    var diagnostics = current.Where(d => d.Id == id).ToImmutableArray();
                    if (diagnostics.IsEmpty)
                    {
                        continue;
                    }

                    var next = await ApplyAsync(document, fixer, id, diagnostics);
                    if (next is not null && !(await next.GetTextAsync()).ContentEquals(await document.GetTextAsync()))
                    {
                        document = next;
                        current = await AnalyzeAsync(document);
                        changedInRound = true;
                    }
                }
            }

            if (!changedInRound)
            {
                break;
            }
        }

        var remaining = current;
        var changed = !(await document.GetTextAsync()).ContentEquals(await originalDocument.GetTextAsync());
        var after = CompilerErrors((await document.Project.GetCompilationAsync())!).Where(e => !before.Contains(e)).ToImmutableArray();
        return new FixResult(@case, original, remaining, changed, after);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
        => (await HeldOutCases.AnalyzeAsync((await document.Project.GetCompilationAsync())!)).Where(d => d.Id != "AD0001").ToImmutableArray();

    private static async Task<Document?> ApplyAsync(Document document, CodeFixProvider fixer, string id, ImmutableArray<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context);
            var first = actions.FirstOrDefault();
            if (first is null)
            {
                continue;
            }

            var action = first;
            var fixAll = fixer.GetFixAllProvider();
            if (fixAll is not null && fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
            {
                var fixAllContext = new FixAllContext(document, fixer, FixAllScope.Document, first.EquivalenceKey!, new[] { id }, new Provider(diagnostics), CancellationToken.None);
                action = await fixAll.GetFixAsync(fixAllContext) ?? first;
            }

            foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    return apply.ChangedSolution.GetDocument(document.Id);
                }
            }

            return null;
        }

        return null;
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }

    // ---- shared ----

    private static void WriteReport(string name, string text)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "HeldOut", "reports");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name), text);
    }

    private sealed record RuleFloor(double Recall, double Precision);

    private sealed record FixFloor(double MaxRemainingRatio, double MinCompilingRatio, IReadOnlyList<string> Rules);

    /// <summary>
    /// HeldOut/floors.json: <c>{"TP0001": {"recall": r, "precision": p}, ..., "fix": {"rules": [...], "maxRemainingRatio": x,
    /// "minCompilingRatio": y}}</c>; keys starting with <c>_</c> are comments.
    /// </summary>
    private sealed record Floors(IReadOnlyDictionary<string, RuleFloor> Rules, FixFloor Fix)
    {
        /// <summary>Set 1's floors (<paramref name="section"/> null: the top level) or a set's section (<c>"set2"</c>).</summary>
        public static Floors Load(string? section)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HeldOut", "floors.json")));
            var root = section is null ? json.RootElement : json.RootElement.GetProperty(section);
            var rules = new SortedDictionary<string, RuleFloor>(StringComparer.Ordinal);
            var fix = new FixFloor(1, 0, new[] { "TP0001", "TP0002" });
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.StartsWith("set", StringComparison.Ordinal))
                {
                    continue; // another set's section
                }

                if (property.Name == "fix")
                {
                    fix = new FixFloor(
                        property.Value.GetProperty("maxRemainingRatio").GetDouble(),
                        property.Value.GetProperty("minCompilingRatio").GetDouble(),
                        property.Value.TryGetProperty("rules", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToArray() : fix.Rules);
                }
                else if (!property.Name.StartsWith('_'))
                {
                    rules[property.Name] = new RuleFloor(property.Value.GetProperty("recall").GetDouble(), property.Value.GetProperty("precision").GetDouble());
                }
            }

            return new Floors(rules, fix);
        }
    }
}
