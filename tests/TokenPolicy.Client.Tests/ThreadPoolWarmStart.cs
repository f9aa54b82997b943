using System.Runtime.CompilerServices;
using System.Threading;

namespace TokenPolicy.Client.Tests;

/// <summary>
/// Gives the test process enough thread-pool workers from the start. On a 2-core machine the pool starts with two, and
/// the first tests of a process compile Kestrel, HttpClient, Polly and the client while the loopback servers run:
/// both workers are busy and the pool adds threads only about twice a second, so a request or a timer waits half a
/// second or more. The attempt-timeout tests use sub-second timeouts and failed that way when run first or alone
/// (NoSourceCarriesOverToTheNextFetch: 7 runs in 8 alone; the fetch after the timed-out one never reached the server in
/// its 500 ms, and its own timer fired at about 1 s). With 16 workers it passed 6 runs in 6, and the whole class 8 in 8.
/// The client was not changed for this (a search found no synchronous wait in it); what a cold process on two cores
/// does to a sub-second attempt timeout in production is the same, and the default attempt timeout is 10 s.
/// </summary>
internal static class ThreadPoolWarmStart
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(io, 16));
    }
}
