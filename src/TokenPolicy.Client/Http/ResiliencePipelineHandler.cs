using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace TokenPolicy.Credentials;

/// <summary>
/// Runs each request of the credential client through its Polly pipeline (the retry, with
/// Microsoft.Extensions.Http.Resilience's options) within the total timeout, each attempt bounded by the
/// <see cref="AttemptTimeout"/>: a pooled context and pooled cancellation sources, no closure, no per-attempt telemetry.
/// Every attempt goes through the handlers below, so the authorization handler checks and authenticates each attempt
/// actually sent.
/// </summary>
/// <remarks>
/// The attempts call the authorization handler below directly (<see cref="CallerOrOidcAuthorizationHandler.SendOutcomeAsync"/>:
/// one async method per attempt that returns its failure as an outcome instead of throwing); and
/// <see cref="CredentialClient"/> runs a fetch through <see cref="Begin"/>, <see cref="FirstAttempt"/>,
/// <see cref="RetryAsync"/> and <see cref="Finish"/> from its own async method. Both skip an async layer that only
/// forwarded the call: on loopback each one costs about as much as the guard and the header together. The attempt
/// timeout is armed inside that attempt method, not by Polly's timeout strategy, which cost 4-10% of the throughput with
/// eight fetches in flight (see <see cref="AttemptTimeout"/>). The first attempt runs before the retry pipeline: a 2xx
/// answer is final (the retry would hand it back untouched), and every other outcome enters Polly's retry as its attempt
/// 0. Entering the pipeline for a fetch that succeeds at once cost about 2-3% of the throughput with eight in flight
/// (its async method, about 300 bytes, and the context pool), docs/performance.md, "Client".
/// </remarks>
internal sealed class ResiliencePipelineHandler : DelegatingHandler
{
    private static readonly Func<ResilienceContext, RetryState, ValueTask<Outcome<HttpResponseMessage>>> s_attempt =
        static (ctx, state) => state.TakeFirst() is { } first ? new(first) : state.Handler.AttemptAsync(state.Request, ctx.CancellationToken);

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly AttemptTimeout _attempt;
    private readonly TimeSpan _total;
    private readonly TimeProvider _time;
    private readonly bool _totalCanFire;
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();

    /// <param name="pipeline">The retry.</param>
    /// <param name="attemptTimeout">The bound of each attempt (its body read and fallbacks included).</param>
    /// <param name="totalTimeout">The bound of the whole fetch.</param>
    /// <param name="time">The clock.</param>
    /// <param name="totalCanFire">
    /// False when the attempts and the waits between them cannot add up to <paramref name="totalTimeout"/>
    /// (<c>TotalTimeoutCanFire</c>): then no timer is armed for it (it would never fire first), and the fetch runs on
    /// the caller's token.
    /// </param>
    public ResiliencePipelineHandler(ResiliencePipeline<HttpResponseMessage> pipeline, TimeSpan attemptTimeout, TimeSpan totalTimeout, TimeProvider time, bool totalCanFire = true)
    {
        _pipeline = pipeline;
        _attempt = new AttemptTimeout(attemptTimeout, time);
        _total = totalTimeout;
        _time = time;
        _totalCanFire = totalCanFire;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var execution = Begin(cancellationToken);
        try
        {
            var first = await FirstAttempt(execution, request).ConfigureAwait(false);
            return Finish(execution, IsSettled(first) ? first : await RetryAsync(execution, request, first).ConfigureAwait(false));
        }
        finally
        {
            End(execution);
        }
    }

    /// <summary>Starts one fetch: the total timeout (a pooled cancellation source, reset after use).</summary>
    internal Execution Begin(CancellationToken cancellationToken)
    {
        if (!_totalCanFire)
        {
            return new Execution(null, default, cancellationToken);
        }

        if (!_pool.TryDequeue(out var total))
        {
            total = _time == TimeProvider.System ? new CancellationTokenSource() : new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        }

        total.CancelAfter(_total);
        var link = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), total) : default;
        return new Execution(total, link, cancellationToken);
    }

    /// <summary>
    /// The fetch's first attempt, as Polly's outcome. It runs before the retry pipeline is entered: an answer that
    /// <see cref="IsSettled"/> is final (the retry would return it untouched), anything else goes to <see cref="RetryAsync"/>.
    /// </summary>
    internal ValueTask<Outcome<HttpResponseMessage>> FirstAttempt(in Execution execution, HttpRequestMessage request) =>
        AttemptAsync(request, execution.Token);

    /// <summary>
    /// Whether the first attempt's outcome is final without asking the retry: a success status (2xx). The retry never
    /// handles one (it retries transient faults only: 5xx, 408, 429, connection errors and attempt timeouts), so for it
    /// Polly's pipeline would only hand the same outcome back, with no delay, event or side effect.
    /// </summary>
    internal static bool IsSettled(in Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is null && outcome.Result is { IsSuccessStatusCode: true };

    /// <summary>
    /// Every outcome that is not settled: Polly's retry pipeline runs with the first attempt's outcome as its attempt 0
    /// (its callback hands that outcome back instead of sending again), so the retry decides on it, waits and counts
    /// exactly as if it had made that attempt itself. A pooled context, held only here.
    /// </summary>
    internal async ValueTask<Outcome<HttpResponseMessage>> RetryAsync(Execution execution, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        var context = ResilienceContextPool.Shared.Get(execution.Token);
        var state = new RetryState(this, request, first);
        try
        {
            return await _pipeline.ExecuteOutcomeAsync(s_attempt, context, state).ConfigureAwait(false);
        }
        finally
        {
            // The pipeline did not take the first outcome (it ended before its first attempt, for example cancelled).
            state.TakeFirst()?.Result?.Dispose();
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The response, or the failure: a total timeout that ran out is a <see cref="TimeoutRejectedException"/>.</summary>
    internal HttpResponseMessage Finish(in Execution execution, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is OperationCanceledException && execution.Total is { IsCancellationRequested: true } && !execution.Caller.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"The fetch did not complete within its total timeout of {_total.TotalSeconds:0.###} s.", _total, outcome.Exception);
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    /// <summary>Returns the cancellation source to its pool.</summary>
    internal void End(in Execution execution)
    {
        if (execution.Total is null)
        {
            return;
        }

        execution.Link.Dispose();
        if (execution.Total.TryReset())
        {
            _pool.Enqueue(execution.Total);
        }
        else
        {
            execution.Total.Dispose();
        }
    }

    private ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerHandler is CallerOrOidcAuthorizationHandler authorization
            ? authorization.SendOutcomeAsync(request, _attempt, cancellationToken)
            : SendInnerAsync(request, cancellationToken);

    private async ValueTask<Outcome<HttpResponseMessage>> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = _attempt.Start(cancellationToken);
        try
        {
            return Outcome.FromResult(await base.SendAsync(request, attempt.Token).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            return Outcome.FromException<HttpResponseMessage>(_attempt.Failure(attempt, e));
        }
        finally
        {
            _attempt.End(attempt);
        }
    }

    /// <summary>One fetch's pooled state.</summary>
    internal readonly struct Execution
    {
        public Execution(CancellationTokenSource? total, CancellationTokenRegistration link, CancellationToken caller)
        {
            Total = total;
            Link = link;
            Caller = caller;
        }

        /// <summary>The total timeout's source; null when it cannot fire first.</summary>
        public CancellationTokenSource? Total { get; }

        public CancellationTokenRegistration Link { get; }

        public CancellationToken Caller { get; }

        /// <summary>The token the attempts run under: the total timeout's, else the caller's.</summary>
        public CancellationToken Token => Total?.Token ?? Caller;
    }

    /// <summary>A retried fetch: the handler, the request, and the first attempt's outcome until the pipeline takes it.</summary>
    private sealed class RetryState
    {
        private Outcome<HttpResponseMessage>? _first;

        public RetryState(ResiliencePipelineHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
        {
            Handler = handler;
            Request = request;
            _first = first;
        }

        public ResiliencePipelineHandler Handler { get; }

        public HttpRequestMessage Request { get; }

        /// <summary>The first attempt's outcome, once (null afterwards).</summary>
        public Outcome<HttpResponseMessage>? TakeFirst()
        {
            var first = _first;
            _first = null;
            return first;
        }
    }
}
