// Shape: generic ValueTask helper called with a path supplied by the caller at run time
using System;
using System.IO;
using System.Threading.Tasks;

namespace Config.Loader;

internal static class TextFiles
{
    public static async ValueTask<T> LoadAsync<T>(string path, Func<string, T> parse) => parse(await File.ReadAllTextAsync(path));
}

public sealed class SettingsReader
{
    public ValueTask<int> ReadPortAsync(string path) => TextFiles.LoadAsync(path, int.Parse);
}
