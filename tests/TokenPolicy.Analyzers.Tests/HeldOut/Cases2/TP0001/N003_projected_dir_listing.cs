// Shape: the projected token directory is only listed (Directory.EnumerateFiles), names returned
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Vault.Sidecar;

public static class ProjectedAudiences
{
    public static IReadOnlyList<string> List()
        => Directory.EnumerateFiles("/var/run/secrets/tokens").Select(Path.GetFileName).OfType<string>().ToList();
}
