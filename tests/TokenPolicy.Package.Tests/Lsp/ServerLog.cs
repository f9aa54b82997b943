using System.Collections.Concurrent;

namespace TokenPolicy.Package.Tests.Lsp;

/// <summary>What the server said: its stderr and its <c>window/logMessage</c> / <c>window/showMessage</c> notifications, in order.</summary>
public sealed class ServerLog
{
    private const int MaxLines = 4_000;
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string source, string line)
    {
        _lines.Enqueue($"[{DateTime.UtcNow:HH:mm:ss.fff} {source}] {line}");
        while (_lines.Count > MaxLines && _lines.TryDequeue(out _))
        {
        }
    }

    /// <summary>The last lines, for failure messages.</summary>
    public string Tail(int lines = 200)
    {
        var all = _lines.ToArray();
        var tail = all.Length > lines ? all[^lines..] : all;
        return all.Length == 0
            ? "(the server logged nothing)"
            : (all.Length > lines ? $"... ({all.Length - lines} earlier lines)\n" : "") + string.Join(Environment.NewLine, tail);
    }
}
