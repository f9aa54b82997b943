// Shape: lists the service-account directory
using System;
using System.IO;

namespace Runner.Diagnostics;

public static class MountReport
{
    public static void Print()
    {
        foreach (var entry in Directory.GetFiles("/var/run/secrets/kubernetes.io/serviceaccount"))
        {
            Console.WriteLine(Path.GetFileName(entry));
        }
    }
}
