// Shape: path from an options object filled at run time, no default
using System.IO;

namespace Runner.Options;

public sealed class FileOptions2
{
    public string? CredentialFile { get; set; }
}

public sealed class ConfiguredReader
{
    private readonly FileOptions2 _options;

    public ConfiguredReader(FileOptions2 options) => _options = options;

    public string? Read() => _options.CredentialFile is { } file ? File.ReadAllText(file) : null;
}
