// Shape: generic ValueTask helper reading a path and parsing it with a delegate, called with a const path
using System;
using System.IO;
using System.Threading.Tasks;

namespace Config.Loader;

internal static class TextFiles
{
    public static async ValueTask<T> LoadAsync<T>(string path, Func<string, T> parse)
        => parse(await File.ReadAllTextAsync(path));
}

public sealed class AudienceToken
{
    private const string Projected = "/var/run/secrets/tokens/audience-api";

    public ValueTask<string> GetAsync() => {|TP0001:TextFiles.LoadAsync(Projected, s => s.Trim())|};
}
