using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace TokenPolicy.Credentials;

/// <summary>
/// The operator-minted bot-token file. Read again when it changes (size, modification time or link target, as
/// rotated secrets swap a symlink); the content is trimmed.
/// </summary>
internal sealed class BotTokenFile
{
    private readonly object _gate = new();
    private readonly ILogger _logger;
    private Stamp? _stamp;
    private string? _value;

    public BotTokenFile(string path, ILogger logger)
    {
        Path = path;
        _logger = logger;
    }

    public string Path { get; }

    /// <summary>The token, or null with the reason in <paramref name="status"/>.</summary>
    public string? Read(bool force, out string status)
    {
        lock (_gate)
        {
            Stamp? stamp;
            try
            {
                stamp = Stamp.Of(Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stamp = null;
                Log.BotTokenFileUnreadable(_logger, Path, e.GetType().Name);
            }

            if (stamp is null)
            {
                _stamp = null;
                _value = null;
                status = "not present";
                return null;
            }

            if (force || _stamp is null || !_stamp.Equals(stamp))
            {
                try
                {
                    var text = File.ReadAllText(stamp.ResolvedPath).Trim();
                    _value = text.Length == 0 ? null : text;
                    _stamp = stamp;
                    Log.BotTokenFileRead(_logger, Path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Log.BotTokenFileUnreadable(_logger, Path, e.GetType().Name);
                    _stamp = null;
                    _value = null;
                    status = "unreadable (" + e.GetType().Name + ")";
                    return null;
                }
            }

            status = _value is null ? "empty" : "present";
            return _value;
        }
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
