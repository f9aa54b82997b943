using System.Collections.Generic;
using System.Collections.Immutable;

namespace TokenPolicy.Cli;

/// <summary>
/// The log every step writes its errors, notices and verbose detail to. The report takes an immutable
/// snapshot of the errors and notices (<see cref="ErrorsSnapshot"/>, <see cref="NoticesSnapshot"/>).
/// </summary>
internal sealed class Problems
{
    /// <summary>Load and analysis errors: each makes the exit code 2.</summary>
    public List<string> Errors { get; } = new();

    /// <summary>Notices: printed to stderr, do not change the exit code.</summary>
    public List<string> Notices { get; } = new();

    /// <summary>Detail printed only with --verbose.</summary>
    public List<string> Verbose { get; } = new();

    public ImmutableArray<string> ErrorsSnapshot => Errors.ToImmutableArray();

    public ImmutableArray<string> NoticesSnapshot => Notices.ToImmutableArray();
}
