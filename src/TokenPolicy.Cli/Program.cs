using System;
using System.Threading;
using System.Threading.Tasks;
using TokenPolicy.Cli.Loading;

namespace TokenPolicy.Cli;

/// <summary>Process entry point of the <c>tokenpolicy</c> tool.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Must run before any MSBuild type is loaded: this method and CliApp reference none directly.
        MSBuildSetup.TryRegister();

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var context = new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            WorkingDirectory = Environment.CurrentDirectory,
            ShowProgress = !Console.IsErrorRedirected,
        };
        return await CliApp.RunAsync(args, context, cancellation.Token).ConfigureAwait(false);
    }
}
