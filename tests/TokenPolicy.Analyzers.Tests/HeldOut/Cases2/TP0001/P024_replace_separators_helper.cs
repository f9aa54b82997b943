// Shape: a private static helper that normalises separators with Replace, applied to a const, then read
using System.IO;

namespace Windows.Container;

public static class ContainerToken
{
    private const string Raw = @"\var\run\secrets\kubernetes.io\serviceaccount\token";

    private static string Normalize(string path) => path.Replace('\\', '/');

    public static string Read() => {|TP0001:File.ReadAllText(Normalize(Raw))|};
}
