// Shape: System.Threading.Timer callback lambda re-reading the projected token into a field
using System;
using System.IO;
using System.Threading;

namespace Cache.Warmer;

public sealed class RotatingToken : IDisposable
{
    private const string TokenFile = "/var/run/secrets/tokens/cache-warmer";
    private readonly Timer _timer;
    private volatile string _token = "";

    public RotatingToken()
    {
        _timer = new Timer(_ => _token = {|TP0001:File.ReadAllText(TokenFile)|}, null, TimeSpan.Zero, TimeSpan.FromMinutes(10));
    }

    public string Current => _token;

    public void Dispose() => _timer.Dispose();
}
