// Shape: string.Format in a private helper method, called from a Func<string> lambda that reads the file
using System;
using System.IO;

namespace Fleet.Agent;

public sealed class ClusterIdentity
{
    private const string Root = "/var/run/secrets/kubernetes.io/serviceaccount";

    private static string TokenPath() => string.Format("{0}/{1}", Root, "token");

    public Func<string> CreateReader()
    {
        return () => {|TP0001:File.ReadAllText(TokenPath())|};
    }
}
