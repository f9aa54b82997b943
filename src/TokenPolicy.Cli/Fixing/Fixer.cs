using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TokenPolicy.Cli.Analysis;

namespace TokenPolicy.Cli.Fixing;

/// <summary>What --fix did.</summary>
/// <param name="Solution">The fixed solution (what the report step analyses).</param>
/// <param name="ChangedFiles">Files written, absolute paths.</param>
/// <param name="FixedCount">Number of findings that went away while fixing.</param>
/// <param name="Notices">What went wrong on the way (a provider that threw, passes exhausted).</param>
/// <param name="Before">The fix targets before fixing (those still present afterwards are subtracted by the report).</param>
internal sealed record FixOutcome(
    Solution Solution,
    ImmutableArray<string> ChangedFiles,
    int FixedCount,
    ImmutableArray<string> Notices,
    ImmutableArray<Finding> Before);

/// <summary>
/// Applies code fixes the way the IDE and <c>dotnet format</c> do: the first registered code action of a
/// provider is the default; its equivalence key drives the provider's FixAllProvider (widest supported
/// scope) when it has one, else the default action is applied finding by finding. Fixing repeats
/// (re-analysing in between) until nothing fixable changes, then the changed documents are written.
/// </summary>
internal static class Fixer
{
    private const int MaxPasses = 25;

    public static async Task<FixOutcome> FixAsync(
        Solution solution,
        RuleCatalog catalog,
        Func<Solution, Task<IReadOnlyList<Finding>>> analyze,
        CancellationToken cancellationToken)
    {
        var original = solution;
        var notices = new List<string>();
        var exhausted = new HashSet<(CodeFixProvider, string)>();
        IReadOnlyList<Finding>? before = null;
        var lastCount = 0;

        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var findings = await analyze(solution).ConfigureAwait(false);
            before ??= findings;
            lastCount = findings.Count;

            var changed = false;
            foreach (var provider in catalog.Fixers)
            {
                var ids = provider.FixableDiagnosticIds.ToImmutableHashSet(StringComparer.Ordinal);
                var mine = findings
                    .Where(f => ids.Contains(f.RuleId) && !exhausted.Contains((provider, f.Fingerprint)) && DocumentOf(solution, f) is not null)
                    .ToList();
                if (mine.Count == 0)
                {
                    continue;
                }

                var fixedSolution = await FixWithProviderAsync(solution, provider, ids, mine, exhausted, notices, cancellationToken).ConfigureAwait(false);
                if (fixedSolution is null || !HasChanges(solution, fixedSolution))
                {
                    foreach (var finding in mine)
                    {
                        exhausted.Add((provider, finding.Fingerprint));
                    }

                    continue;
                }

                solution = fixedSolution;
                changed = true;
                break; // re-analyse before the next provider: diagnostics are stale now
            }

            if (!changed)
            {
                break;
            }

            if (pass == MaxPasses - 1)
            {
                lastCount = (await analyze(solution).ConfigureAwait(false)).Count;
                notices.Add($"--fix stopped after {MaxPasses} passes; some fixes may remain");
            }
        }

        var written = await WriteChangesAsync(original, solution, notices, cancellationToken).ConfigureAwait(false);
        return new FixOutcome(
            solution,
            written.ToImmutableArray(),
            Math.Max(0, (before?.Count ?? 0) - lastCount),
            notices.ToImmutableArray(),
            before?.ToImmutableArray() ?? ImmutableArray<Finding>.Empty);
    }

    /// <summary>The default (first registered) code action for a diagnostic, descending into nested actions; null if none.</summary>
    public static async Task<CodeAction?> DefaultActionAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) =>
        {
            lock (actions)
            {
                actions.Add(action);
            }
        }, cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        var first = actions.FirstOrDefault();
        while (first is not null && !first.NestedActions.IsDefaultOrEmpty)
        {
            first = first.NestedActions[0];
        }

        return first;
    }

    /// <summary>True when some provider registers a code action for the finding.</summary>
    public static async Task<bool> IsFixableAsync(Solution solution, RuleCatalog catalog, Finding finding, CancellationToken cancellationToken)
    {
        var document = DocumentOf(solution, finding);
        if (document is null)
        {
            return false;
        }

        foreach (var provider in catalog.FixersFor(finding.RuleId))
        {
            try
            {
                if (await DefaultActionAsync(provider, document, finding.Diagnostic, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A provider that throws offers nothing.
            }
        }

        return false;
    }

    public static Document? DocumentOf(Solution solution, Finding finding)
    {
        var tree = finding.Diagnostic.Location.SourceTree;
        return tree is null ? null : solution.GetDocument(tree);
    }

    private static async Task<Solution?> FixWithProviderAsync(
        Solution solution,
        CodeFixProvider provider,
        ImmutableHashSet<string> ids,
        List<Finding> findings,
        HashSet<(CodeFixProvider, string)> exhausted,
        List<string> notices,
        CancellationToken cancellationToken)
    {
        // The default action of the first finding that has one fixes everything through FixAll when possible.
        Finding? anchor = null;
        CodeAction? action = null;
        foreach (var finding in findings)
        {
            action = await TryDefaultActionAsync(solution, provider, finding, notices, cancellationToken).ConfigureAwait(false);
            if (action is not null)
            {
                anchor = finding;
                break;
            }

            exhausted.Add((provider, finding.Fingerprint));
        }

        if (anchor is null || action is null)
        {
            return null;
        }

        var fixAll = provider.GetFixAllProvider();
        if (fixAll is not null)
        {
            try
            {
                var scopes = fixAll.GetSupportedFixAllScopes().ToList();
                var document = DocumentOf(solution, anchor)!;
                var diagnosticProvider = new KnownDiagnosticProvider(findings.Select(f => f.Diagnostic).ToImmutableArray());
                FixAllContext? context = null;
                if (scopes.Contains(FixAllScope.Solution) || scopes.Contains(FixAllScope.Project))
                {
                    var scope = scopes.Contains(FixAllScope.Solution) ? FixAllScope.Solution : FixAllScope.Project;
                    context = new FixAllContext(document.Project, provider, scope, action.EquivalenceKey, ids, diagnosticProvider, cancellationToken);
                }
                else if (scopes.Contains(FixAllScope.Document))
                {
                    context = new FixAllContext(document, provider, FixAllScope.Document, action.EquivalenceKey, ids, diagnosticProvider, cancellationToken);
                }

                if (context is not null)
                {
                    var fixAllAction = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                    var result = fixAllAction is null ? null : await ApplyAsync(fixAllAction, cancellationToken).ConfigureAwait(false);
                    if (result is not null && HasChanges(solution, result))
                    {
                        return result;
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                notices.Add($"fix-all of {provider.GetType().Name} failed ({ex.GetType().Name}: {ex.Message}); fixing one finding at a time");
            }
        }

        // No FixAllProvider (or it did nothing): the default action for the first finding of each document,
        // all computed against the same solution and merged, since they touch different documents.
        var merged = solution;
        foreach (var group in findings.GroupBy(f => DocumentOf(solution, f)!.Id))
        {
            var finding = group.First();
            var single = finding == anchor ? action : await TryDefaultActionAsync(solution, provider, finding, notices, cancellationToken).ConfigureAwait(false);
            if (single is null)
            {
                exhausted.Add((provider, finding.Fingerprint));
                continue;
            }

            var changed = await ApplyAsync(single, cancellationToken).ConfigureAwait(false);
            if (changed is null)
            {
                exhausted.Add((provider, finding.Fingerprint));
                continue;
            }

            var changedDocuments = changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()).ToList();
            var onlyItsDocument = changedDocuments.All(id => id == group.Key)
                && !changed.GetChanges(solution).GetProjectChanges().Any(p => p.GetAddedDocuments().Any() || p.GetRemovedDocuments().Any());
            if (!onlyItsDocument)
            {
                // Touches other documents: apply it alone this pass.
                return merged == solution ? changed : merged;
            }

            var newText = await changed.GetDocument(group.Key)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            merged = merged.WithDocumentText(group.Key, newText);
        }

        return merged;
    }

    private static async Task<CodeAction?> TryDefaultActionAsync(Solution solution, CodeFixProvider provider, Finding finding, List<string> notices, CancellationToken cancellationToken)
    {
        try
        {
            return await DefaultActionAsync(provider, DocumentOf(solution, finding)!, finding.Diagnostic, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            notices.Add($"code fix {provider.GetType().Name} failed on {finding.RelativePath}:{finding.Line}: {ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    private static async Task<Solution?> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
    {
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        return operations.OfType<ApplyChangesOperation>().Select(o => o.ChangedSolution).FirstOrDefault();
    }

    private static bool HasChanges(Solution before, Solution after) =>
        after != before && after.GetChanges(before).GetProjectChanges().Any(p =>
            p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Any() || p.GetAddedDocuments().Any() || p.GetRemovedDocuments().Any());

    /// <summary>Writes changed and added documents to disk, keeping each file's encoding (and byte-order mark).</summary>
    private static async Task<List<string>> WriteChangesAsync(Solution original, Solution changed, List<string> notices, CancellationToken cancellationToken)
    {
        var written = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var document = changed.GetDocument(id)!;
                if (document.FilePath is null || written.Contains(document.FilePath))
                {
                    continue;
                }

                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var originalText = await original.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                await WriteAsync(document.FilePath, text.ToString(), originalText.Encoding ?? text.Encoding, cancellationToken).ConfigureAwait(false);
                written.Add(document.FilePath);
            }

            foreach (var id in projectChanges.GetAddedDocuments())
            {
                var document = changed.GetDocument(id)!;
                var path = document.FilePath;
                if (path is null)
                {
                    var projectDirectory = Path.GetDirectoryName(document.Project.FilePath)
                        ?? Path.GetDirectoryName(document.Project.Documents.Select(d => d.FilePath).OfType<string>().FirstOrDefault());
                    if (projectDirectory is null)
                    {
                        notices.Add($"a code fix added '{document.Name}' but there is no folder to write it to");
                        continue;
                    }

                    path = Path.Combine(new[] { projectDirectory }.Concat(document.Folders).Append(document.Name).ToArray());
                }

                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await WriteAsync(path, text.ToString(), text.Encoding, cancellationToken).ConfigureAwait(false);
                written.Add(path);
            }

            foreach (var id in projectChanges.GetRemovedDocuments())
            {
                notices.Add($"a code fix removed '{original.GetDocument(id)?.FilePath}'; the file was left on disk");
            }
        }

        return written.ToList();
    }

    private static Task WriteAsync(string path, string content, Encoding? encoding, CancellationToken cancellationToken)
    {
        encoding ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return File.WriteAllTextAsync(path, content, encoding, cancellationToken);
    }

    /// <summary>Serves FixAll the diagnostics the CLI already computed.</summary>
    private sealed class KnownDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public KnownDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return _diagnostics.Where(d => d.Location.SourceTree == tree).ToList();
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var trees = project.Documents.Select(d => d.TryGetSyntaxTree(out var t) ? t : null).OfType<SyntaxTree>().ToHashSet();
            return Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => d.Location.SourceTree is { } t && trees.Contains(t)).ToList());
        }
    }
}
