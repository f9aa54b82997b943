// Shape: token-shaped strings in a validation rule list, never sent
using System.Collections.Generic;
using System.Linq;

namespace Scanner.Rules;

public static class KnownPrefixes
{
    private static readonly List<string> Prefixes = new() { "ghp_", "gho_", "glpat-", "xoxb-" };

    public static bool LooksLikeToken(string value) => Prefixes.Any(value.StartsWith);
}
