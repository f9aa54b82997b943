// Shape: string.Concat of a const directory, a separator char and a file name, opened with File.Open for reading
using System.IO;

namespace Backup.Agent;

public sealed class BackupToken
{
    private const string Directory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public string Read()
    {
        var path = string.Concat(Directory, Path.AltDirectorySeparatorChar.ToString(), "token");
        using var stream = {|TP0001:File.Open(path, FileMode.Open, FileAccess.Read)|};
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
