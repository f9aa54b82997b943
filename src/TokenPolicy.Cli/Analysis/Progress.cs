using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace TokenPolicy.Cli.Analysis;

/// <summary>"Analysing files: N/M" on stderr, redrawn in place at most ten times a second. Only used on a terminal.</summary>
internal sealed class Progress
{
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private int _total;
    private int _done;
    private long _lastDraw = -1000;
    private bool _drawn;

    public Progress(TextWriter error) => _error = error;

    public void Start(int total)
    {
        lock (_gate)
        {
            _total = total;
            _done = 0;
            Draw(force: true);
        }
    }

    public void Advance()
    {
        var done = Interlocked.Increment(ref _done);
        lock (_gate)
        {
            Draw(force: done >= _total);
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                _error.Write("\r" + new string(' ', 60) + "\r");
                _error.Flush();
                _drawn = false;
            }
        }
    }

    private void Draw(bool force)
    {
        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastDraw < 100)
        {
            return;
        }

        _lastDraw = now;
        var done = Math.Min(Volatile.Read(ref _done), _total);
        _error.Write($"\rAnalysing files: {done}/{_total}");
        _error.Flush();
        _drawn = true;
    }
}
