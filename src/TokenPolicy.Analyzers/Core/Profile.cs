using System.Diagnostics;
using System.Threading;

namespace TokenPolicy.Analyzers.Core
{
    /// <summary>TEMPORARY profiling counters.</summary>
    internal static class Profile
    {
        public static long[] Ticks = new long[16];
        public static long[] Counts = new long[16];
        public static string[] Names = { "tryMatch", "mayCarrySink", "accepts", "evaluateSink", "mayCarryCall", "summary", "atCall", "closure", "reach", "symbolsWithName", "", "", "", "", "", "" };

        public static System.Collections.Concurrent.ConcurrentDictionary<string, string> Last = new();

        public static System.Collections.Concurrent.ConcurrentQueue<string> Literals = new();

        public static long Start() => Stopwatch.GetTimestamp();

        public static void Stop(int slot, long start)
        {
            Interlocked.Add(ref Ticks[slot], Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref Counts[slot]);
        }

        public static string Report()
        {
            var sb = new System.Text.StringBuilder();
            for (var i = 0; i < Names.Length; i++)
            {
                if (Counts[i] > 0)
                {
                    sb.Append(Names[i]).Append(": ").Append((Ticks[i] * 1000.0 / Stopwatch.Frequency).ToString("F1")).Append(" ms / ").Append(Counts[i]).Append('\n');
                }
            }

            foreach (var l in System.Linq.Enumerable.Take(System.Linq.Enumerable.Distinct(Literals), 150))
            {
                sb.Append("  lit: ").Append(l.Replace("\n", " ")).Append('\n');
            }

            foreach (var kv in Last)
            {
                sb.Append(kv.Key).Append(": ").Append(kv.Value).Append('\n');
            }

            return sb.ToString();
        }
    }
}
