// Shape: token source class storing its constructor argument in a readonly field, read later; constructed with the path
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
    public static FileTokenSource CreateSource()
        => {|TP0001:new FileTokenSource("/var/run/secrets/kubernetes.io/serviceaccount/token")|};
}
