// Shape: interface implementation reading a path given in its constructor from configuration
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Catalog.Auth;

public interface ITokenFileReader
{
    Task<string> ReadAsync(CancellationToken ct);
}

public sealed class ConfiguredTokenFileReader : ITokenFileReader
{
    private readonly string _path;

    public ConfiguredTokenFileReader(string path) => _path = path;

    public Task<string> ReadAsync(CancellationToken ct) => File.ReadAllTextAsync(_path, ct);
}
