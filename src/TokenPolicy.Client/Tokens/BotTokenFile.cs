using System;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace TokenPolicy.Credentials;

/// <summary>
/// The operator-minted bot-token file. Checked at most once per interval (a refused token forces a check) and read
/// again when it changes (size, modification time or link target, as rotated secrets swap a symlink). Only a regular
/// file of 1 byte to 64 KiB is read (a FIFO, a device or an empty file counts as absent and is never opened); the
/// content is trimmed and must be a valid header value; a file that is, or resolves to, a service-account token path is
/// refused.
/// </summary>
internal sealed class BotTokenFile
{
    /// <summary>The largest bot-token file read (64 KiB).</summary>
    public const int MaxBytes = 64 * 1024;

    private readonly object _gate = new();
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private Stamp? _stamp;
    private volatile Version? _value;
    private volatile string _status = "not checked yet";
    private long _nextCheck;

    public BotTokenFile(string path, ILogger logger, TimeSpan checkInterval, TimeProvider? time = null)
    {
        Path = path;
        _logger = logger;
        _interval = checkInterval;
        _time = time ?? TimeProvider.System;
    }

    public string Path { get; }

    /// <summary>The token, or null with the reason in <paramref name="status"/>.</summary>
    public Version? Read(bool force, out string status)
    {
        // Within the interval: what the last check found, without taking the lock (the hot path of every resolution).
        if (!force && _interval > TimeSpan.Zero)
        {
            var next = Volatile.Read(ref _nextCheck);
            if (next != 0 && Now() < next)
            {
                var value = _value;
                status = _status;
                return value;
            }
        }

        lock (_gate)
        {
            var now = Now();
            if (!force && _interval > TimeSpan.Zero && _nextCheck != 0 && now < _nextCheck)
            {
                status = _status;
                return _value;
            }

            var value = Check(force);
            _value = value;
            Volatile.Write(ref _nextCheck, now + (long)(_interval.TotalSeconds * Frequency));
            status = _status;
            return value;
        }
    }

    // The system clock as Environment.TickCount64 (milliseconds, a coarse clock: a fraction of the cost of a
    // precise timestamp, and the interval is a second); an injected TimeProvider (tests) as its own timestamps.
    private long Now() => _time == TimeProvider.System ? Environment.TickCount64 : _time.GetTimestamp();

    private double Frequency => _time == TimeProvider.System ? 1000.0 : _time.TimestampFrequency;

    private Version? Check(bool force)
    {
        Stamp? stamp;
        try
        {
            stamp = Stamp.Of(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.BotTokenFileUnreadable(_logger, Path, e.GetType().Name);
            return Fail("unreadable (" + e.GetType().Name + ")");
        }

        if (stamp is null)
        {
            return Fail("not present");
        }

        if (!force && _stamp is not null && _stamp.Equals(stamp))
        {
            return _value;
        }

        if (ServiceAccountTokenPaths.Check(stamp.ResolvedPath) is { } refused)
        {
            Log.BotTokenFileUnreadable(_logger, Path, "refused: " + refused);
            return Fail("refused: " + refused);
        }

        if (stamp.Length == 0)
        {
            // A FIFO, a device and an empty file all have no size: never opened (a FIFO would block).
            return Fail("empty (or not a regular file)");
        }

        if (stamp.Length > MaxBytes)
        {
            Log.BotTokenFileUnreadable(_logger, Path, $"larger than {MaxBytes} bytes ({stamp.Length})");
            return Fail($"larger than {MaxBytes} bytes ({stamp.Length}), not read");
        }

        string text;
        try
        {
            using var stream = new FileStream(stamp.ResolvedPath, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 0 });
            if (!stream.CanSeek)
            {
                return Fail("not a regular file");
            }

            var buffer = new byte[MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > MaxBytes)
            {
                return Fail($"larger than {MaxBytes} bytes, not read");
            }

            text = Encoding.UTF8.GetString(buffer, 0, total).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.BotTokenFileUnreadable(_logger, Path, e.GetType().Name);
            return Fail("unreadable (" + e.GetType().Name + ")");
        }

        _stamp = stamp;
        if (text.Length == 0)
        {
            _status = "empty";
            return null;
        }

        if (TokenText.Problem(text, allowSpaces: false) is { } problem)
        {
            Log.BotTokenFileUnreadable(_logger, Path, "unusable content: " + problem);
            _status = "unusable: " + problem;
            return null;
        }

        Log.BotTokenFileRead(_logger, Path);
        _status = "present";
        return new Version(text);
    }

    private Version? Fail(string status)
    {
        _stamp = null;
        _status = status;
        return null;
    }

    /// <summary>One read of the file: a new instance per read, so that refusals of different reads are told apart.</summary>
    internal sealed class Version
    {
        public Version(string token) => Token = token;

        public string Token { get; }

        public override string ToString() => "bot-token file version [redacted]";
    }

    private sealed class Stamp : IEquatable<Stamp>
    {
        private Stamp(string resolvedPath, DateTime lastWriteUtc, long length)
        {
            ResolvedPath = resolvedPath;
            LastWriteUtc = lastWriteUtc;
            Length = length;
        }

        public string ResolvedPath { get; }

        public DateTime LastWriteUtc { get; }

        public long Length { get; }

        public static Stamp? Of(string path)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo target || !target.Exists)
                {
                    return null;
                }

                info = target;
            }
            else if (!info.Exists)
            {
                return null;
            }

            return new Stamp(info.FullName, info.LastWriteTimeUtc, info.Length);
        }

        public bool Equals(Stamp? other) =>
            other is not null
            && string.Equals(ResolvedPath, other.ResolvedPath, StringComparison.Ordinal)
            && LastWriteUtc == other.LastWriteUtc
            && Length == other.Length;

        public override bool Equals(object? obj) => Equals(obj as Stamp);

        public override int GetHashCode() => HashCode.Combine(ResolvedPath, LastWriteUtc, Length);
    }
}
