// Shape: public method combining an unknown root with just "token" (not distinctive)
using System.IO;

namespace Chroot.Tools;

public static class ChrootFiles
{
    public static string ReadUnder(string root) => File.ReadAllText(Path.Combine(root, "token"));
}
