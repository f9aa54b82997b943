// Shape: token source constructed with the sanctioned bot-token path
using System.IO;

namespace Search.Indexer;

public sealed class FileTokenSource
{
    private readonly string _path;

    public FileTokenSource(string path) => _path = path;

    public string Current() => File.ReadAllText(_path).Trim();
}

public static class IndexerSetup
{
    public static FileTokenSource CreateSource() => new FileTokenSource("/var/run/secrets/ambient/bot-token");
}
