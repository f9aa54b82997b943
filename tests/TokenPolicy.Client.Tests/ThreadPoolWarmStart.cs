using System.Runtime.CompilerServices;
using System.Threading;

namespace TokenPolicy.Client.Tests;

/// <summary>
/// Gives the test process enough thread-pool workers from the start. On a 2-core machine the pool starts with two, and
/// the first tests of a process compile Kestrel, HttpClient, Polly and the client while the loopback servers run:
/// both workers are busy and the pool adds threads only about twice a second, so a request or a timer waits half a
/// second or more. The attempt-timeout tests use sub-second timeouts and failed that way when run first or alone
/// (NoSourceCarriesOverToTheNextFetch: 7 runs in 8 alone; the fetch after the timed-out one never reached the server in
/// its 500 ms, and its own timer fired at about 1 s). With 16 workers it passed 4 runs in 4. The client itself was not
/// changed for this: no code in it blocks a worker.
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
