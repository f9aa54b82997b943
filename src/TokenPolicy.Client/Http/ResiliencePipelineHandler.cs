using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace TokenPolicy.Credentials;

/// <summary>
/// Runs each request of the credential client through its Polly pipeline (retry and attempt timeout with
/// Microsoft.Extensions.Http.Resilience's options) within the total timeout: a pooled context and a pooled
/// cancellation source, no closure, no per-attempt telemetry. Every attempt goes through the handlers below, so the
/// authorization handler checks and authenticates each attempt actually sent.
/// </summary>
internal sealed class ResiliencePipelineHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _total;
    private readonly TimeProvider _time;
    private readonly ConcurrentBag<CancellationTokenSource> _pool = new();

    public ResiliencePipelineHandler(ResiliencePipeline<HttpResponseMessage> pipeline, TimeSpan totalTimeout, TimeProvider time)
    {
        _pipeline = pipeline;
        _total = totalTimeout;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The total timeout: one cancellation source per fetch, reused once reset (cheaper than a strategy layer).
        if (!_pool.TryTake(out var total))
        {
            total = _time == TimeProvider.System ? new CancellationTokenSource() : new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        }

        total.CancelAfter(_total);
        var link = cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), total) : default;
        var context = ResilienceContextPool.Shared.Get(total.Token);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendInnerAsync(state.Request, ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext));
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<HttpResponseMessage>(e);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            if (outcome.Exception is OperationCanceledException && total.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutRejectedException($"The fetch did not complete within its total timeout of {_total.TotalSeconds:0.###} s.", _total, outcome.Exception);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            link.Dispose();
            if (total.TryReset())
            {
                _pool.Add(total);
            }
            else
            {
                total.Dispose();
            }
        }
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);
}
