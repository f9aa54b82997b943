// Shape: enumerates the projected-token directory names
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Runner.Diagnostics;

public static class ProjectedAudiences
{
    public static IReadOnlyList<string> Names()
        => Directory.Exists("/var/run/secrets/tokens")
            ? Directory.EnumerateFiles("/var/run/secrets/tokens").Select(Path.GetFileName).OfType<string>().ToList()
            : new List<string>();
}
