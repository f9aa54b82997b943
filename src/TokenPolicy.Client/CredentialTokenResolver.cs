using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TokenPolicy.Credentials;

/// <summary>Chooses the token that authenticates a call to a platform API: the caller's, else the control plane's OIDC token.</summary>
public interface ICredentialTokenResolver
{
    /// <summary>
    /// Resolves a token without network I/O: the caller's token, else a bot token in memory, in the bot-token file or
    /// in <c>BOT_TOKEN</c>.
    /// </summary>
    /// <returns>The token.</returns>
    /// <exception cref="CredentialTokenUnavailableException">No source gave a token; the message lists them.</exception>
    ResolvedToken Resolve();

    /// <summary>
    /// Resolves a token: the caller's token, else the control plane's OIDC token, exchanging one when the exchange is
    /// configured and none is in memory, then the bot-token file, then <c>BOT_TOKEN</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The token.</returns>
    /// <exception cref="CredentialTokenUnavailableException">No source gave a token; the message lists them.</exception>
    ValueTask<ResolvedToken> ResolveAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The sanctioned token resolver. Order: the caller's token (<see cref="ICallerTokenAccessor"/>); else the bot token
/// from, in order, the in-memory token of an <see cref="IOidcTokenSource"/> (control-plane exchange or client
/// credentials), the bot-token file, <c>BOT_TOKEN</c>. Fails closed when none gives a token.
/// </summary>
public sealed class CredentialTokenResolver : ICredentialTokenResolver
{
    private static readonly object s_defaultGate = new();
    private static CredentialTokenResolver? s_default;

    private readonly ICallerTokenAccessor _callerAccessor;
    private readonly IOidcTokenSource? _oidc;
    private readonly BotTokenFile _file;
    private readonly string? _environmentToken;
    private readonly ILogger _logger;
    private volatile ResolvedToken? _lastBot;
    private volatile CallerMemo? _lastCaller;

    /// <summary>Creates a resolver.</summary>
    /// <param name="callerTokenAccessor">The caller of the current work; <see cref="AsyncLocalCallerTokenAccessor"/> by default.</param>
    /// <param name="options">The bot-token file path and <c>BOT_TOKEN</c> (other settings are not used here).</param>
    /// <param name="oidcTokenSource">The in-memory OIDC token source, if any.</param>
    /// <param name="logger">Logger.</param>
    public CredentialTokenResolver(ICallerTokenAccessor? callerTokenAccessor, CredentialClientOptions options, IOidcTokenSource? oidcTokenSource = null, ILogger<CredentialTokenResolver>? logger = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _callerAccessor = callerTokenAccessor ?? AsyncLocalCallerTokenAccessor.Instance;
        _oidc = oidcTokenSource;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _file = new BotTokenFile(string.IsNullOrWhiteSpace(options.BotTokenFilePath) ? CredentialClientOptions.DefaultBotTokenFilePath : options.BotTokenFilePath, _logger);
        _environmentToken = string.IsNullOrWhiteSpace(options.BotToken) ? null : options.BotToken!.Trim();
    }

    /// <summary>
    /// A process-wide resolver built from the environment variables on first use (thread-safe), for code without
    /// dependency injection. Uses the ambient <see cref="CallerTokenContext"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The control-plane or client-credentials variables are set but invalid.</exception>
    public static CredentialTokenResolver Default
    {
        get
        {
            var current = Volatile.Read(ref s_default);
            if (current is not null)
            {
                return current;
            }

            lock (s_defaultGate)
            {
                // Not a Lazy<T>: a configuration error is reported on each use rather than cached.
                s_default ??= CreateFromEnvironment();
                return s_default;
            }
        }
    }

    /// <summary>Builds a resolver from environment variables (the process environment unless <paramref name="getVariable"/> is given).</summary>
    /// <param name="getVariable">Reads one variable.</param>
    /// <returns>A new resolver with its own HTTP client for the token endpoints.</returns>
    /// <exception cref="InvalidOperationException">The control-plane or client-credentials variables are set but invalid.</exception>
    public static CredentialTokenResolver CreateFromEnvironment(Func<string, string?>? getVariable = null)
    {
        var options = CredentialClientOptions.FromEnvironment(getVariable);
        var problems = CredentialClientOptionsValidator.Collect(options).FindAll(e =>
            e.StartsWith(EnvironmentVariables.ControlPlaneTokenUrl, StringComparison.Ordinal)
            || e.StartsWith(EnvironmentVariables.ControlPlanePublicKey, StringComparison.Ordinal)
            || e.StartsWith(EnvironmentVariables.SessionId, StringComparison.Ordinal)
            || e.StartsWith("OIDC_", StringComparison.Ordinal));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The token resolver's environment is invalid: " + string.Join(" ", problems));
        }

        var httpClient = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return new CredentialTokenResolver(AsyncLocalCallerTokenAccessor.Instance, options, CreateOidcTokenSource(options, httpClient, TimeProvider.System, null, null));
    }

    internal static IOidcTokenSource? CreateOidcTokenSource(CredentialClientOptions options, HttpClient httpClient, TimeProvider time, ILoggerFactory? loggerFactory, CredentialMetrics? metrics)
    {
        if (options.ControlPlane.IsConfigured)
        {
            return new ControlPlaneTokenExchange(options.ControlPlane, httpClient, time, loggerFactory?.CreateLogger<ControlPlaneTokenExchange>(), metrics);
        }

        if (options.ClientCredentials.IsConfigured)
        {
            return new ClientCredentialsTokenSource(options.ClientCredentials, httpClient, time, loggerFactory?.CreateLogger<ClientCredentialsTokenSource>(), metrics);
        }

        return null;
    }

    /// <inheritdoc />
    public ResolvedToken Resolve()
    {
        // Fast path, allocation-free once warm: the caller's token or the OIDC token already in memory.
        var caller = TryResolveCaller(null);
        if (caller is not null)
        {
            return caller;
        }

        var cached = _oidc?.CachedToken;
        if (cached is not null)
        {
            return Bot(cached);
        }

        // Slow path: the file and the environment, recording every source tried for a clear error.
        var tried = new List<string>();
        TryResolveCaller(tried);
        tried.Add(_oidc is not null
            ? _oidc.Description + ": no token in memory (Resolve() does no network I/O; use ResolveAsync)"
            : "in-memory OIDC token: no control-plane exchange or client-credentials grant configured");
        return ResolveLocalBot(force: false, tried) ?? throw new CredentialTokenUnavailableException(tried);
    }

    /// <inheritdoc />
    public async ValueTask<ResolvedToken> ResolveAsync(CancellationToken cancellationToken = default)
    {
        var tried = new List<string>();
        var caller = TryResolveCaller(tried);
        if (caller is not null)
        {
            return caller;
        }

        return await ResolveBotAsync(null, tried, cancellationToken).ConfigureAwait(false)
            ?? throw new CredentialTokenUnavailableException(tried);
    }

    /// <summary>The caller's token, if the current work has a caller.</summary>
    /// <returns>The caller's token, or null.</returns>
    public ResolvedToken? TryResolveCaller() => TryResolveCaller(null);

    /// <summary>The control plane's OIDC (bot) token, skipping the caller; null when no source gives one.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The bot token, or null.</returns>
    public ValueTask<ResolvedToken?> TryResolveBotTokenAsync(CancellationToken cancellationToken = default) =>
        ResolveBotAsync(null, null, cancellationToken);

    /// <summary>
    /// A bot token to replace one the server refused: a new exchange (one request however many callers ask), else the
    /// bot-token file read again, else <c>BOT_TOKEN</c>. Null when no source gives a token different from the refused one.
    /// </summary>
    /// <param name="refused">The refused token.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A different bot token, or null.</returns>
    public async ValueTask<ResolvedToken?> RefreshBotTokenAsync(ResolvedToken refused, CancellationToken cancellationToken = default)
    {
        if (refused is null)
        {
            throw new ArgumentNullException(nameof(refused));
        }

        var token = await ResolveBotAsync(refused.Value, null, cancellationToken).ConfigureAwait(false);
        return token is not null && !string.Equals(token.Value, refused.Value, StringComparison.Ordinal) ? token : null;
    }

    internal async ValueTask<ResolvedToken?> ResolveBotAsync(string? refusedToken, List<string>? tried, CancellationToken cancellationToken)
    {
        if (_oidc is not null)
        {
            try
            {
                var token = await _oidc.GetTokenAsync(refusedToken, cancellationToken).ConfigureAwait(false);
                return Bot(token);
            }
            catch (OidcTokenException e)
            {
                Log.OidcSourceFailed(_logger, _oidc.Description, e);
                tried?.Add(_oidc.Description + ": " + e.Message);
            }
        }
        else
        {
            tried?.Add("in-memory OIDC token: no control-plane exchange or client-credentials grant configured");
        }

        return ResolveLocalBot(force: refusedToken is not null, tried);
    }

    private ResolvedToken? TryResolveCaller(List<string>? tried)
    {
        var caller = _callerAccessor.Current;
        if (caller is not null)
        {
            // One ResolvedToken per caller scope: repeated resolutions in a turn allocate nothing.
            var last = _lastCaller;
            if (last is not null && ReferenceEquals(last.Caller, caller))
            {
                return last.Token;
            }

            if (ResolvedToken.TryParseHeader(caller.HeaderValue, out var scheme, out var value))
            {
                var token = new ResolvedToken(TokenSource.Caller, scheme, value, caller.UserId);
                _lastCaller = new CallerMemo(caller, token);
                return token;
            }
        }

        tried?.Add("caller token: none for the current work");
        return null;
    }

    private ResolvedToken? ResolveLocalBot(bool force, List<string>? tried)
    {
        var fromFile = _file.Read(force, out var status);
        if (fromFile is not null)
        {
            return Bot(fromFile);
        }

        tried?.Add($"bot-token file {_file.Path}: {status}");
        if (_environmentToken is not null)
        {
            return Bot(_environmentToken);
        }

        tried?.Add($"environment variable {EnvironmentVariables.BotToken}: not set");
        return null;
    }

    /// <summary>The bot token as a <see cref="ResolvedToken"/>, reused while the token does not change.</summary>
    private ResolvedToken Bot(string token)
    {
        var last = _lastBot;
        if (last is not null && string.Equals(last.Value, token, StringComparison.Ordinal))
        {
            return last;
        }

        last = new ResolvedToken(TokenSource.ControlPlaneOidc, "Bearer", token);
        _lastBot = last;
        return last;
    }

    /// <summary>The last caller scope seen and its token (one immutable pair, swapped atomically).</summary>
    private sealed class CallerMemo
    {
        public CallerMemo(CallerToken caller, ResolvedToken token)
        {
            Caller = caller;
            Token = token;
        }

        public CallerToken Caller { get; }

        public ResolvedToken Token { get; }
    }
}
