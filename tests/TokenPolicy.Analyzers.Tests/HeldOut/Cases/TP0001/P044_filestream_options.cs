// Shape: FileStream with FileStreamOptions (Mode Open, Access Read)
using System.IO;

namespace Runner.Auth;

public static class OptionsStream
{
    private const string TokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public static string Read()
    {
        var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite };
        using var stream = {|TP0001:new FileStream(TokenPath, options)|};
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
