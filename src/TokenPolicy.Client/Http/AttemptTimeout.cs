using System;
using System.Collections.Concurrent;
using System.Threading;
using Polly.Timeout;

namespace TokenPolicy.Credentials;

/// <summary>
/// The attempt timeout of the credential client's fetch pipeline: a pooled cancellation source per attempt, linked to
/// the fetch's token and armed for <see cref="Timeout"/>, the way <c>HttpClient.Timeout</c> bounds a request. An
/// attempt it ends is reported as Polly's <see cref="TimeoutRejectedException"/>, which the retry treats as transient,
/// exactly as Polly's timeout strategy reported it; the caller's own cancellation (or the total timeout) stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// Why this one piece is not Polly's: with eight fetches in flight on two cores, Polly's <c>TimeoutResilienceStrategy</c>
/// cost the client 4-10% of its throughput (the client without it 0.97-0.98 of raw <c>HttpClient</c>, with it 0.87-0.91;
/// docs/performance.md, "Client"). The retry, the exchange's and the client-credentials grant's pipelines stay Polly's.
/// </remarks>
internal sealed class AttemptTimeout
{
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();

    public AttemptTimeout(TimeSpan timeout, TimeProvider time)
    {
        if (timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The attempt timeout must be positive.");
        }

        Timeout = timeout;
        _time = time;
    }

    /// <summary>The bound of one attempt.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Starts one attempt: a source (pooled, reset after use) cancelled by <paramref name="fetch"/> or after <see cref="Timeout"/>.</summary>
    public Attempt Start(CancellationToken fetch)
    {
        if (!_pool.TryDequeue(out var source))
        {
            source = _time == TimeProvider.System ? new CancellationTokenSource() : new CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan, _time);
        }

        var link = fetch.CanBeCanceled ? fetch.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source) : default;
        source.CancelAfter(Timeout);
        return new Attempt(source, link, fetch);
    }

    /// <summary>
    /// The failure an attempt reports: a cancellation that only the timer caused is a <see cref="TimeoutRejectedException"/>
    /// (as Polly's timeout strategy reports it); anything else, the caller's cancellation included, is left as it is.
    /// </summary>
    public Exception Failure(in Attempt attempt, Exception e) =>
        e is OperationCanceledException && attempt.Source.IsCancellationRequested && !attempt.Fetch.IsCancellationRequested
            ? new TimeoutRejectedException($"The attempt did not complete within its timeout of {Timeout.TotalSeconds:0.###} s.", Timeout, e)
            : e;

    /// <summary>Ends one attempt: the link to the fetch's token is removed, and the source reset into the pool (or disposed when it fired).</summary>
    public void End(in Attempt attempt)
    {
        attempt.Link.Dispose();
        if (attempt.Source.TryReset())
        {
            _pool.Enqueue(attempt.Source);
        }
        else
        {
            attempt.Source.Dispose();
        }
    }

    /// <summary>One attempt's armed source.</summary>
    internal readonly struct Attempt
    {
        public Attempt(CancellationTokenSource source, CancellationTokenRegistration link, CancellationToken fetch)
        {
            Source = source;
            Link = link;
            Fetch = fetch;
        }

        public CancellationTokenSource Source { get; }

        public CancellationTokenRegistration Link { get; }

        /// <summary>The fetch's token (the caller's, or the total timeout's linked to it).</summary>
        public CancellationToken Fetch { get; }

        /// <summary>The token the attempt runs on.</summary>
        public CancellationToken Token => Source.Token;
    }
}
