// Shape: extension method `this string directory` reading a file in it, called on a const directory with "token"
using System.IO;

namespace Secrets.Extensions;

public static class DirectoryStringExtensions
{
    public static string ReadFileIn(this string directory, string name) => File.ReadAllText(Path.Combine(directory, name));
}

public sealed class WorkerIdentity
{
    private const string ServiceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount";

    public string Token() => {|TP0001:ServiceAccountDir.ReadFileIn("token")|};
}
