// Shape: const in a nested static class (Constants.Kubernetes.TokenFile), read in a different top-level class
using System.IO;

namespace Shipping.Api;

public static class Constants
{
    public static class Kubernetes
    {
        public const string TokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";
    }
}

public sealed class ShippingClientFactory
{
    public string BearerFromCluster() => {|TP0001:File.ReadAllText(Constants.Kubernetes.TokenFile)|};
}
