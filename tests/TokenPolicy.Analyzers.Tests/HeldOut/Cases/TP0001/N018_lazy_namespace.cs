// Shape: Lazy<string> factory reading the namespace file
using System;
using System.IO;

namespace Runner.Kube;

public sealed class NamespaceCache
{
    private readonly Lazy<string> _namespace = new(() => File.ReadAllText("/var/run/secrets/kubernetes.io/serviceaccount/namespace").Trim());

    public string Value => _namespace.Value;
}
