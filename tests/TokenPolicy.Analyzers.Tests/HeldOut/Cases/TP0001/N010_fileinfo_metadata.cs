// Shape: FileInfo length and timestamps for rotation checks
using System;
using System.IO;

namespace Runner.Diagnostics;

public sealed class RotationWatch
{
    private readonly FileInfo _token = new("/var/run/secrets/kubernetes.io/serviceaccount/token");

    public bool Rotated(DateTime since)
    {
        _token.Refresh();
        return _token.Exists && _token.Length > 0 && _token.LastWriteTimeUtc > since;
    }
}
