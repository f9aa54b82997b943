using System;
using System.Threading;

namespace TokenPolicy.Credentials;

/// <summary>The caller of the current unit of work: their <c>Authorization</c> value and user id.</summary>
public sealed class CallerToken
{
    internal CallerToken(string headerValue, string? userId)
    {
        HeaderValue = headerValue;
        UserId = userId;
    }

    /// <summary>The full header value as the caller sent it (<c>Bearer ...</c>). Never log it.</summary>
    public string HeaderValue { get; }

    /// <summary>The caller's user id, when known.</summary>
    public string? UserId { get; }

    /// <summary>Describes the caller without revealing the token.</summary>
    public override string ToString() => $"CallerToken {{ HeaderValue = [redacted], UserId = {UserId ?? "(none)"} }}";
}

/// <summary>Gives the caller of the current unit of work, if any.</summary>
public interface ICallerTokenAccessor
{
    /// <summary>The current caller, or <see langword="null"/> when the work was not started by a user.</summary>
    CallerToken? Current { get; }
}

/// <summary>
/// The ambient (AsyncLocal) caller: a server sets it for one turn with <see cref="Begin"/> and disposing the
/// returned scope clears it, also for tasks started during the turn that outlive it.
/// </summary>
public static class CallerTokenContext
{
    private static readonly AsyncLocal<Holder?> s_current = new();

    /// <summary>The caller of the current asynchronous flow, if any.</summary>
    public static CallerToken? Current => s_current.Value?.Token;

    /// <summary>Sets the caller for the current asynchronous flow until the returned scope is disposed.</summary>
    /// <param name="headerValue">The caller's full <c>Authorization</c> value (for example the <c>X-Caller-Token</c> header).</param>
    /// <param name="userId">The caller's user id, sent as <c>X-Runner-Current-User</c>.</param>
    /// <returns>A scope that restores the previous caller when disposed.</returns>
    public static IDisposable Begin(string headerValue, string? userId = null)
    {
        if (!ResolvedToken.TryParseHeader(headerValue, out _, out _, out var problem))
        {
            throw new ArgumentException("The caller's Authorization value is empty or malformed: " + problem + ".", nameof(headerValue));
        }

        if (userId is not null && TokenText.Problem(userId.Trim(), allowSpaces: true) is { } invalid && !string.IsNullOrWhiteSpace(userId))
        {
            throw new ArgumentException("The user id cannot be sent in a header: " + invalid + ".", nameof(userId));
        }

        var previous = s_current.Value;
        var holder = new Holder(new CallerToken(headerValue.Trim(), string.IsNullOrWhiteSpace(userId) ? null : userId!.Trim()));
        s_current.Value = holder;
        return new Scope(holder, previous);
    }

    private sealed class Holder
    {
        public Holder(CallerToken token) => Token = token;

        public CallerToken? Token;
    }

    private sealed class Scope : IDisposable
    {
        private readonly Holder _holder;
        private readonly Holder? _previous;
        private int _disposed;

        public Scope(Holder holder, Holder? previous)
        {
            _holder = holder;
            _previous = previous;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            // Clear the holder so that flows which captured it (background tasks of this turn) see no caller.
            _holder.Token = null;
            if (ReferenceEquals(s_current.Value, _holder))
            {
                s_current.Value = _previous;
            }
        }
    }
}

/// <summary>The default <see cref="ICallerTokenAccessor"/>: reads <see cref="CallerTokenContext.Current"/>.</summary>
public sealed class AsyncLocalCallerTokenAccessor : ICallerTokenAccessor
{
    /// <summary>The shared instance.</summary>
    public static AsyncLocalCallerTokenAccessor Instance { get; } = new();

    /// <inheritdoc />
    public CallerToken? Current => CallerTokenContext.Current;
}
