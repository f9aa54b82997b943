// Shape: interpolated string of two consts and a literal, read with File.ReadLines(...).First()
using System.IO;
using System.Linq;

namespace Crm.Sync;

internal static class Paths
{
    internal const string Secrets = "/var/run/secrets";
    internal const string ServiceAccount = "kubernetes.io/serviceaccount";
}

public sealed class CrmTokenLoader
{
    public string Load() => {|TP0001:File.ReadLines($"{Paths.Secrets}/{Paths.ServiceAccount}/token")|}.First();
}
