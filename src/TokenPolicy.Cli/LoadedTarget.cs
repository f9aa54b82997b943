using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TokenPolicy.Cli;

/// <summary>A loaded target: a workspace whose solution holds the projects to analyse.</summary>
internal sealed class LoadedTarget : IDisposable
{
    public LoadedTarget(Workspace workspace, Solution solution, ImmutableArray<ProjectId> projectIds)
    {
        Workspace = workspace;
        Solution = solution;
        ProjectIds = projectIds;
    }

    public Workspace Workspace { get; }

    public Solution Solution { get; set; }

    /// <summary>The projects requested by PATH (referenced projects outside it are loaded but not analysed).</summary>
    public ImmutableArray<ProjectId> ProjectIds { get; }

    public void Dispose() => Workspace.Dispose();
}

/// <summary>Errors and notices gathered while loading and analysing.</summary>
internal sealed class Problems
{
    /// <summary>Load errors: each makes the exit code 2.</summary>
    public List<string> Errors { get; } = new();

    /// <summary>Notices: printed to stderr, do not change the exit code.</summary>
    public List<string> Notices { get; } = new();

    /// <summary>Detail printed only with --verbose.</summary>
    public List<string> Verbose { get; } = new();
}
