using System.Diagnostics;

namespace TokenPolicy.Package.Tests.Lsp;

/// <summary>A language server over stdio: its process, with stderr captured into <see cref="Log"/>.</summary>
public sealed class LanguageServerProcess : IDisposable
{
    private readonly Process _process;

    private LanguageServerProcess(Process process, ServerLog log, string commandLine)
    {
        _process = process;
        Log = log;
        CommandLine = commandLine;
    }

    public ServerLog Log { get; }

    public string CommandLine { get; }

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// The csharp-ls of the repository's tool manifest (.config/dotnet-tools.json), started through
    /// <c>dotnet tool run</c> from the repository root so that the manifest is found; the workspace it serves comes from
    /// <c>initialize</c>, not from its working directory.
    /// </summary>
    public static LanguageServerProcess StartCSharpLs(string repositoryRoot, Action<IDictionary<string, string?>> environment, params string[] serverArguments) =>
        Start("dotnet", ["tool", "run", "csharp-ls", "--", .. serverArguments], repositoryRoot, environment);

    public static LanguageServerProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, Action<IDictionary<string, string?>> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        environment(start.Environment);
        var log = new ServerLog();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Add("stderr", e.Data);
            }
        };
        process.Exited += (_, _) => log.Add("process", "the server process exited");
        var commandLine = fileName + " " + string.Join(' ', start.ArgumentList) + $"   [in {workingDirectory}]";
        log.Add("process", "$ " + commandLine);
        process.Start();
        process.BeginErrorReadLine();
        return new LanguageServerProcess(process, log, commandLine);
    }

    /// <summary>Waits a bounded time for the process to exit by itself (after LSP <c>exit</c>), then ends its process tree.</summary>
    public void Stop(TimeSpan grace)
    {
        try
        {
            if (!_process.WaitForExit(grace))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    public void Dispose()
    {
        Stop(TimeSpan.Zero);
        _process.Dispose();
    }
}
