// Shape: local from AWS_WEB_IDENTITY_TOKEN_FILE ?? throw, read asynchronously with ConfigureAwait(false)
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Acme.Storage;

internal sealed class StsWebIdentityLoader
{
    public async Task<string> LoadAsync(CancellationToken cancellationToken)
    {
        var tokenFile = Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE")
            ?? throw new InvalidOperationException("web identity is not configured");
        var text = await {|TP0001:File.ReadAllTextAsync(tokenFile, cancellationToken)|}.ConfigureAwait(false);
        return text.Trim();
    }
}
