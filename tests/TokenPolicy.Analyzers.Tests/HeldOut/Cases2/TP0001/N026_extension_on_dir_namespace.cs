// Shape: extension method on a const directory string called with "namespace"
using System.IO;

namespace Secrets.Extensions;

public static class DirectoryStringExtensions
{
    public static string ReadFileIn(this string directory, string name) => File.ReadAllText(Path.Combine(directory, name));
}

public sealed class WorkerNamespace
{
    private const string ServiceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount";

    public string Namespace() => ServiceAccountDir.ReadFileIn("namespace");
}
