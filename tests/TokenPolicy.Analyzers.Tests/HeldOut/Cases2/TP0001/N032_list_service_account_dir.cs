// Shape: startup diagnostics listing the service-account directory and printing the file names
using System;
using System.IO;

namespace Ingress.Supervisor;

public static class MountReport
{
    public static void Print()
    {
        var files = Directory.GetFiles("/var/run/secrets/kubernetes.io/serviceaccount");
        Console.WriteLine(string.Join(",", files));
    }
}
