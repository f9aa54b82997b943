// Shape: TrimEnd('/') on the directory, then "/token" appended
using System.IO;

namespace Runner.Auth;

public static class DirectoryAppend
{
    private const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount/";

    public static string Read() => {|TP0001:File.ReadAllText(Dir.TrimEnd('/') + "/token")|};
}
