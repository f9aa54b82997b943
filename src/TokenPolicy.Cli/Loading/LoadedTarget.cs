using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Cli.Loading;

/// <summary>
/// The outcome of the load step: a workspace and the solution as loaded (never changed afterwards; later
/// steps pass their own solutions along), with the projects PATH asked for.
/// </summary>
internal sealed class LoadedTarget : IDisposable
{
    public LoadedTarget(Workspace workspace, Solution solution, ImmutableArray<ProjectId> projectIds)
    {
        Workspace = workspace;
        Solution = solution;
        ProjectIds = projectIds;
    }

    public Workspace Workspace { get; }

    /// <summary>The solution as loaded from disk.</summary>
    public Solution Solution { get; }

    /// <summary>The projects requested by PATH (referenced projects outside it are loaded but not analysed).</summary>
    public ImmutableArray<ProjectId> ProjectIds { get; }

    public void Dispose() => Workspace.Dispose();
}
