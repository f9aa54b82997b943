// Shape: string.Concat of directory, separator and file name
using System.IO;

namespace Runner.Auth;

public static class Concatenated
{
    private const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static string Read() => {|TP0001:File.ReadAllText(string.Concat(Dir, "/", "token"))|};
}
