// Shape: projected token directory as a const in another static class, combined with the audience file name
using System.IO;

namespace Vault.Sidecar;

internal static class MountPoints
{
    public const string Projected = "/var/run/secrets/tokens";
    public const string VaultAudienceFile = "vault-token";
}

public sealed class VaultLogin
{
    public string ReadJwt()
    {
        var file = Path.Combine(MountPoints.Projected, MountPoints.VaultAudienceFile);
        return {|TP0001:File.ReadAllText(file)|}.TrimEnd();
    }
}
