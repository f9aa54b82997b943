// Shape: ?: between a Windows drive path and the Linux path
using System;
using System.IO;

namespace Runner.Auth;

public static class CrossPlatform
{
    public static string Read()
    {
        var path = OperatingSystem.IsWindows()
            ? @"C:\var\run\secrets\kubernetes.io\serviceaccount\token"
            : "/var/run/secrets/kubernetes.io/serviceaccount/token";
        return {|TP0001:File.ReadAllText(path)|};
    }
}
