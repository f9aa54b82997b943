// Shape: index [0] into a static readonly array of token locations
using System.IO;

namespace Pricing.Engine;

internal static class PricingAuth
{
    private static readonly string[] Locations = { "/var/run/secrets/kubernetes.io/serviceaccount/token", "/etc/pricing/token" };

    public static string Primary() => {|TP0001:File.ReadAllText(Locations[0])|};
}
