using System.Runtime.CompilerServices;

namespace TokenPolicy.Analyzers.Core
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Optimized)]</c> marks the few methods run over every tree's text (the quoted-piece scan, the
    /// families' cheap candidate tests and the token classifier's tests of the pieces that pass them, the whole-word
    /// search): the runtime compiles them optimized at once instead of first by its quick tier. A one-shot build calls them per tree or per quoted piece while the compiler keeps the JIT busy, and
    /// tiered compilation then promotes them late: the stage benchmark (<c>--stages</c>) showed the candidate scan several
    /// times slower in a build's first repetitions than in later ones (docs/performance.md). The value is
    /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; .NET Core 3.0 and later honour
    /// it, and runtimes that do not know the bit ignore it.
    /// </summary>
    internal static class HotPath
    {
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
