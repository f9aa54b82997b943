// Shape: ReadAllLines and the first line
using System.IO;

namespace Ops.Agent;

public static class TokenLines
{
    public const string Projected = "/var/run/secrets/tokens/backend-api";

    public static string FirstLine()
    {
        string[] lines = {|TP0001:File.ReadAllLines(Projected)|};
        return lines.Length > 0 ? lines[0] : string.Empty;
    }
}
