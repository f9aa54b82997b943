// Shape: TrimEnd('/') + "/token" on a const directory, read inside a lambda passed to a generic retry helper
using System;
using System.IO;
using System.Threading;

namespace Retry.Demo;

public static class Retry
{
    public static T Run<T>(Func<T> action, int attempts = 3)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return action();
            }
            catch (IOException) when (i < attempts)
            {
                Thread.Sleep(100 * i);
            }
        }
    }
}

public sealed class TokenWithRetry
{
    private const string Dir = "/var/run/secrets/kubernetes.io/serviceaccount/";

    public string Read()
    {
        var path = Dir.TrimEnd('/') + "/token";
        return Retry.Run(() => {|TP0001:File.ReadAllText(path)|});
    }
}
