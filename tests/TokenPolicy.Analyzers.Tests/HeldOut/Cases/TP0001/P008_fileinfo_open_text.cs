// Shape: FileInfo held in a field, OpenText later
using System.IO;

namespace Runner.Auth;

public sealed class RotatingToken
{
    private readonly FileInfo _file = new("/var/run/secrets/eks.amazonaws.com/serviceaccount/token");

    public string Current()
    {
        using var text = {|TP0001:_file.OpenText()|};
        return text.ReadToEnd();
    }
}
