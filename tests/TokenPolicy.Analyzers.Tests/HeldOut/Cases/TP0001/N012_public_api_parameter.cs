// Shape: public helper reading whatever path it is given
using System.IO;
using System.Threading.Tasks;

namespace Runner.IO;

public static class TextFiles
{
    public static async Task<string> ReadTrimmedAsync(string path) => (await File.ReadAllTextAsync(path)).Trim();
}
