using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TokenPolicy.Cli.Analysis;

namespace TokenPolicy.Cli.Fixing;

/// <summary>
/// Fix: applies the default code fixes to the fix targets (when --fix asks for it), and tells, for the findings
/// that are finally reported, which ones a fix exists for.
/// </summary>
internal static class FixStep
{
    /// <summary>
    /// Runs --fix. <paramref name="fixTargets"/> analyses a solution, applies the baseline and returns what is
    /// to be fixed. Null when nothing could be fixed because no provider exists (a notice says so).
    /// </summary>
    public static async Task<FixOutcome?> RunAsync(
        Solution solution,
        RuleCatalog catalog,
        Func<Solution, Task<IReadOnlyList<Finding>>> fixTargets,
        Problems problems,
        CancellationToken cancellationToken)
    {
        if (catalog.Fixers.IsEmpty)
        {
            problems.Notices.Add("--fix: no code-fix providers were found; nothing can be fixed");
            return null;
        }

        var outcome = await Fixer.FixAsync(solution, catalog, fixTargets, cancellationToken).ConfigureAwait(false);
        problems.Notices.AddRange(outcome.Notices);
        return outcome;
    }

    /// <summary>The findings, each reported one marked <see cref="Finding.Fixable"/> when a provider registers an action for it.</summary>
    public static async Task<ImmutableArray<Finding>> MarkFixableAsync(
        Solution solution,
        RuleCatalog catalog,
        ImmutableArray<Finding> findings,
        CancellationToken cancellationToken)
    {
        if (catalog.Fixers.IsEmpty)
        {
            return findings;
        }

        var marked = ImmutableArray.CreateBuilder<Finding>(findings.Length);
        foreach (var finding in findings)
        {
            marked.Add(finding.Baselined
                ? finding
                : finding with { Fixable = await Fixer.IsFixableAsync(solution, catalog, finding, cancellationToken).ConfigureAwait(false) });
        }

        return marked.MoveToImmutable();
    }
}
