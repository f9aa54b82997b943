// Shape: index [1] into an array whose second element is ca.crt
using System.IO;

namespace Pricing.Engine;

internal static class PricingTrust
{
    private static readonly string[] Locations = { "/var/run/secrets/kubernetes.io/serviceaccount/token", "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt" };

    public static string Ca() => File.ReadAllText(Locations[1]);

    public static bool TokenMounted() => File.Exists(Locations[0]);
}
