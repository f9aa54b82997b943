// Shape: options record class with an init-only property defaulting to the EKS token path, read in a polling worker
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Payments.Worker;

public sealed record WebIdentityOptions
{
    public string TokenFile { get; init; } = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
    public TimeSpan Refresh { get; init; } = TimeSpan.FromMinutes(5);
}

public sealed class WebIdentityRefresher
{
    private readonly WebIdentityOptions _options;
    private string? _current;

    public WebIdentityRefresher(WebIdentityOptions options) => _options = options;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _current = await {|TP0001:File.ReadAllTextAsync(_options.TokenFile, stoppingToken)|};
            await Task.Delay(_options.Refresh, stoppingToken);
        }
    }

    public bool HasToken => _current is { Length: > 0 };
}
