// Shape: reads ~/.kube/config
using System;
using System.IO;

namespace Runner.Kube;

public static class KubeConfigFile
{
    public static string Read()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return File.ReadAllText(Path.Combine(home, ".kube", "config"));
    }
}
