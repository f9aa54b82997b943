namespace TokenPolicy.Cli;

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the severity threshold remains.</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above the severity threshold remain.</summary>
    public const int Findings = 1;

    /// <summary>Usage error or the input could not be loaded (missing path, unreadable file, project load failure).</summary>
    public const int Error = 2;
}
