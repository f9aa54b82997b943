// Shape: string.Format helper called from a lambda, but the file is the service-account namespace
using System;
using System.IO;

namespace Fleet.Agent;

public sealed class ClusterNamespace
{
    private const string Root = "/var/run/secrets/kubernetes.io/serviceaccount";

    private static string NamespacePath() => string.Format("{0}/{1}", Root, "namespace");

    public Func<string> CreateReader() => () => File.ReadAllText(NamespacePath());
}
