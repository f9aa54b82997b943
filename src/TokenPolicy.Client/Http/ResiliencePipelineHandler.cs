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
/// The pipeline's callback calls the authorization handler below directly (<see cref="CallerOrOidcAuthorizationHandler.SendOutcomeAsync"/>:
/// one async method per attempt that returns its failure as an outcome instead of throwing); and
/// <see cref="CredentialClient"/> runs a fetch through <see cref="Begin"/>, <see cref="Run"/> and <see cref="Finish"/>
/// from its own async method. Both skip an async layer that only forwarded the call: on loopback each one costs about
/// as much as the guard and the header together. The attempt timeout is armed inside that attempt method, not by Polly's
/// timeout strategy, which cost 4-10% of the throughput with eight fetches in flight (see <see cref="AttemptTimeout"/>).
/// </remarks>
internal sealed class ResiliencePipelineHandler : DelegatingHandler
{
    private static readonly Func<ResilienceContext, (ResiliencePipelineHandler Handler, HttpRequestMessage Request), ValueTask<Outcome<HttpResponseMessage>>> s_attempt =
        static (ctx, state) => state.Handler.AttemptAsync(state.Request, ctx.CancellationToken);

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
            return Finish(execution, await Run(execution, request).ConfigureAwait(false));
        }
        finally
        {
            End(execution);
        }
    }

    /// <summary>Starts one fetch: the total timeout (a pooled cancellation source, reset after use) and a pooled context.</summary>
    internal Execution Begin(CancellationToken cancellationToken)
    {
        if (!_totalCanFire)
        {
            return new Execution(null, default, ResilienceContextPool.Shared.Get(cancellationToken), cancellationToken);
        }

        if (!_pool.TryDequeue(out var total))
        {
            total = _time == TimeProvider.System ? new CancellationTokenSource() : new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        }

        total.CancelAfter(_total);
        var link = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), total) : default;
        return new Execution(total, link, ResilienceContextPool.Shared.Get(total.Token), cancellationToken);
    }

    /// <summary>The attempts of one fetch, as Polly's outcome.</summary>
    internal ValueTask<Outcome<HttpResponseMessage>> Run(in Execution execution, HttpRequestMessage request) =>
        _pipeline.ExecuteOutcomeAsync(s_attempt, execution.Context, (this, request));

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

    /// <summary>Returns the context and the cancellation source to their pools.</summary>
    internal void End(in Execution execution)
    {
        ResilienceContextPool.Shared.Return(execution.Context);
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
        public Execution(CancellationTokenSource? total, CancellationTokenRegistration link, ResilienceContext context, CancellationToken caller)
        {
            Total = total;
            Link = link;
            Context = context;
            Caller = caller;
        }

        /// <summary>The total timeout's source; null when it cannot fire first.</summary>
        public CancellationTokenSource? Total { get; }

        public CancellationTokenRegistration Link { get; }

        public ResilienceContext Context { get; }

        public CancellationToken Caller { get; }
    }
}
