// Shape: new StreamReader with named arguments (path, encoding, detect BOM)
using System.IO;
using System.Text;

namespace Runner.Auth;

public static class EncodedReader
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static string Read()
    {
        using var reader = {|TP0001:new StreamReader(encoding: Encoding.UTF8, path: TokenPath, detectEncodingFromByteOrderMarks: false)|};
        return reader.ReadLine() ?? string.Empty;
    }
}
