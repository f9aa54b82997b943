// Shape: FileInfo on the token used for LastWriteTimeUtc only (rotation detection), never opened
using System;
using System.IO;

namespace Scheduler.Core;

public sealed class TokenRotationWatcher
{
    private readonly FileInfo _info = new("/var/run/secrets/kubernetes.io/serviceaccount/token");
    private DateTime _seen;

    public bool Rotated()
    {
        _info.Refresh();
        var changed = _info.LastWriteTimeUtc != _seen;
        _seen = _info.LastWriteTimeUtc;
        return changed;
    }
}
