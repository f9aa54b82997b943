// Shape: using-declared StreamReader and ReadToEnd
using System.IO;

namespace Runner.Auth;

public class ServiceAccountCredential
{
    private const string Path = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    public string Read()
    {
        using var reader = {|TP0001:new StreamReader(Path)|};
        return reader.ReadToEnd().Trim();
    }
}
