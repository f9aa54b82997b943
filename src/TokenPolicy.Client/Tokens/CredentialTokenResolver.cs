using System;
using System.Collections.Generic;
using System.Net;
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
    /// <exception cref="CredentialTokenUnavailableException">No source gave a token, or the caller's is malformed; the message lists why.</exception>
    ResolvedToken Resolve();

    /// <summary>
    /// Resolves a token: the caller's token, else the control plane's OIDC token, exchanging one when the exchange is
    /// configured and none is in memory, then the bot-token file, then <c>BOT_TOKEN</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The token.</returns>
    /// <exception cref="CredentialTokenUnavailableException">No source gave a token, or the caller's is malformed; the message lists why.</exception>
    ValueTask<ResolvedToken> ResolveAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The sanctioned token resolver. Order: the caller's token (<see cref="ICallerTokenAccessor"/>); else the bot token
/// from, in order, the in-memory token of an <see cref="IOidcTokenSource"/> (control-plane exchange or client
/// credentials), the bot-token file, <c>BOT_TOKEN</c>. Any failure of a source moves on to the next one; it fails
/// closed when none gives a token.
/// </summary>
public sealed class CredentialTokenResolver : ICredentialTokenResolver
{
    private static readonly object s_defaultGate = new();
    private static readonly object s_environmentOrigin = new();
    private static CredentialTokenResolver? s_default;

    private readonly ICallerTokenAccessor _callerAccessor;
    private readonly IOidcTokenSource? _oidc;
    private readonly BotTokenFile _file;
    private readonly string? _environmentToken;
    private readonly string? _environmentProblem;
    private readonly ILogger _logger;
    private volatile ResolvedToken? _lastBot;
    private volatile CallerMemo? _lastCaller;

    /// <summary>Creates a resolver.</summary>
    /// <param name="callerTokenAccessor">The caller of the current work; <see cref="AsyncLocalCallerTokenAccessor"/> by default.</param>
    /// <param name="options">The bot-token file, its check interval and <c>BOT_TOKEN</c> (other settings are not used here).</param>
    /// <param name="oidcTokenSource">The in-memory OIDC token source, if any.</param>
    /// <param name="logger">Logger.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The bot-token settings are invalid (for example the path is a service-account token path).</exception>
    public CredentialTokenResolver(ICallerTokenAccessor? callerTokenAccessor, CredentialClientOptions options, IOidcTokenSource? oidcTokenSource = null, ILogger<CredentialTokenResolver>? logger = null)
        : this(callerTokenAccessor, ValidTokens(options), oidcTokenSource, logger)
    {
    }

    internal CredentialTokenResolver(ICallerTokenAccessor? callerTokenAccessor, CredentialSettings settings, IOidcTokenSource? oidcTokenSource, ILogger? logger)
    {
        _callerAccessor = callerTokenAccessor ?? AsyncLocalCallerTokenAccessor.Instance;
        _oidc = oidcTokenSource;
        _logger = logger ?? NullLogger.Instance;
        _file = new BotTokenFile(settings.BotTokenFilePath, _logger, settings.BotTokenFileCheckInterval);
        _environmentToken = settings.EnvironmentToken;
        _environmentProblem = settings.EnvironmentTokenProblem;
    }

    /// <summary>
    /// A process-wide resolver built from the environment variables on first use (thread-safe), for code without
    /// dependency injection. Uses the ambient <see cref="CallerTokenContext"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The token variables are set but invalid.</exception>
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
    /// <returns>A new resolver with its own HTTP client for the token endpoints (no redirects, no proxy).</returns>
    /// <exception cref="InvalidOperationException">The token variables are set but invalid.</exception>
    public static CredentialTokenResolver CreateFromEnvironment(Func<string, string?>? getVariable = null)
    {
        var options = CredentialClientOptions.FromEnvironment(getVariable);
        var settings = CredentialSettings.For(options);
        var problems = settings.Errors.FindAll(e => e.Area == SettingArea.Tokens).ConvertAll(e => e.Text);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The token resolver's environment is invalid: " + string.Join(" ", problems));
        }

        var httpClient = new HttpClient(Transport.NewTokenEndpointHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        return new CredentialTokenResolver(AsyncLocalCallerTokenAccessor.Instance, settings, CreateOidcTokenSource(settings, httpClient, TimeProvider.System, null, null), null);
    }

    internal static IOidcTokenSource? CreateOidcTokenSource(CredentialSettings settings, HttpClient httpClient, TimeProvider time, ILoggerFactory? loggerFactory, CredentialMetrics? metrics)
    {
        var options = settings.Options;
        if (options.ControlPlane.IsConfigured)
        {
            return new ControlPlaneTokenExchange(options.ControlPlane, httpClient, settings.TokenEndpointHosts, time, loggerFactory?.CreateLogger<ControlPlaneTokenExchange>(), metrics);
        }

        if (options.ClientCredentials.IsConfigured)
        {
            return new ClientCredentialsTokenSource(options.ClientCredentials, httpClient, settings.TokenEndpointHosts, time, loggerFactory?.CreateLogger<ClientCredentialsTokenSource>(), metrics);
        }

        return null;
    }

    private static CredentialSettings ValidTokens(CredentialClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CredentialSettings.Valid(options, SettingArea.Tokens);
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

        var cached = _oidc?.Cached;
        if (cached is not null)
        {
            return Bot(cached.Value, cached);
        }

        // The file (checked at most once per interval) and the environment, still without allocating.
        if (_file.Read(force: false, out _) is { } version)
        {
            return Bot(version.Token, version);
        }

        if (_environmentToken is not null)
        {
            return Bot(_environmentToken, s_environmentOrigin);
        }

        // Slow path: nothing; record every source tried for a clear error.
        var tried = new List<string>();
        TryResolveCaller(tried);
        tried.Add(_oidc is not null
            ? _oidc.Description + ": no token in memory (Resolve() does no network I/O; use ResolveAsync)"
            : "in-memory OIDC token: no control-plane exchange or client-credentials grant configured");
        return ResolveLocalBot(force: false, tried) ?? throw new CredentialTokenUnavailableException(tried);
    }

    /// <inheritdoc />
    public ValueTask<ResolvedToken> ResolveAsync(CancellationToken cancellationToken = default)
    {
        var caller = TryResolveCaller(null);
        if (caller is not null)
        {
            return new ValueTask<ResolvedToken>(caller);
        }

        var cached = _oidc?.Cached;
        if (cached is not null)
        {
            return new ValueTask<ResolvedToken>(Bot(cached.Value, cached));
        }

        if (_oidc is null)
        {
            if (_file.Read(force: false, out _) is { } version)
            {
                return new ValueTask<ResolvedToken>(Bot(version.Token, version));
            }

            if (_environmentToken is not null)
            {
                return new ValueTask<ResolvedToken>(Bot(_environmentToken, s_environmentOrigin));
            }
        }

        return SlowAsync(cancellationToken);

        async ValueTask<ResolvedToken> SlowAsync(CancellationToken ct)
        {
            var tried = new List<string>();
            TryResolveCaller(tried);
            return await ResolveBotAsync(null, tried, ct).ConfigureAwait(false) ?? throw new CredentialTokenUnavailableException(tried);
        }
    }

    /// <summary>The caller's token, if the current work has a caller.</summary>
    /// <returns>The caller's token, or null.</returns>
    /// <exception cref="CredentialTokenUnavailableException">The caller's value is malformed (it is never replaced by the bot token).</exception>
    public ResolvedToken? TryResolveCaller() => TryResolveCaller(null);

    /// <summary>The control plane's OIDC (bot) token, skipping the caller; null when no source gives one.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The bot token, or null.</returns>
    public ValueTask<ResolvedToken?> TryResolveBotTokenAsync(CancellationToken cancellationToken = default) =>
        ResolveBotAsync(null, null, cancellationToken);

    /// <summary>
    /// A bot token to replace one the server refused: a new exchange (one request however many callers report the same
    /// refused token), else the bot-token file read again, else <c>BOT_TOKEN</c>. Null when no source gives a token
    /// different from the refused one.
    /// </summary>
    /// <param name="refused">The refused token.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A different bot token, or null.</returns>
    public async ValueTask<ResolvedToken?> RefreshBotTokenAsync(ResolvedToken refused, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var token = await ResolveBotAsync(refused, null, cancellationToken).ConfigureAwait(false);
        return token is not null && !string.Equals(token.Value, refused.Value, StringComparison.Ordinal) ? token : null;
    }

    internal async ValueTask<ResolvedToken?> ResolveBotAsync(ResolvedToken? refused, List<string>? tried, CancellationToken cancellationToken)
    {
        if (_oidc is not null)
        {
            try
            {
                var token = await _oidc.GetTokenAsync(refused?.Origin as OidcToken, cancellationToken).ConfigureAwait(false);
                if (refused is null || !string.Equals(token.Value, refused.Value, StringComparison.Ordinal))
                {
                    return Bot(token.Value, token);
                }

                tried?.Add(_oidc.Description + ": gave the refused token again");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                // Every failure of the source, not only its own exception type, falls back to the file and BOT_TOKEN.
                Log.OidcSourceFailed(_logger, _oidc.Description, e is OidcTokenException ? e.Message : e.GetType().Name);
                tried?.Add(_oidc.Description + ": " + (e is OidcTokenException ? e.Message : "failed (" + e.GetType().Name + ")"));
            }
        }
        else
        {
            tried?.Add("in-memory OIDC token: no control-plane exchange or client-credentials grant configured");
        }

        return ResolveLocalBot(force: refused is not null, tried);
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

            if (!ResolvedToken.TryParseHeader(caller.HeaderValue, out var scheme, out var value, out var problem))
            {
                // A malformed caller value fails closed: it is never swapped for the bot token.
                throw new CredentialTokenUnavailableException(new[] { "caller token: malformed (" + problem + ")" });
            }

            var token = new ResolvedToken(TokenSource.Caller, scheme, value, caller.UserId, caller);
            _lastCaller = new CallerMemo(caller, token);
            return token;
        }

        tried?.Add("caller token: none for the current work");
        return null;
    }

    private ResolvedToken? ResolveLocalBot(bool force, List<string>? tried)
    {
        var fromFile = _file.Read(force, out var status);
        if (fromFile is not null)
        {
            return Bot(fromFile.Token, fromFile);
        }

        tried?.Add($"bot-token file {_file.Path}: {status}");
        if (_environmentToken is not null)
        {
            return Bot(_environmentToken, s_environmentOrigin);
        }

        tried?.Add(_environmentProblem is null
            ? $"environment variable {EnvironmentVariables.BotToken}: not set"
            : $"environment variable {EnvironmentVariables.BotToken}: unusable ({_environmentProblem})");
        return null;
    }

    /// <summary>The bot token as a <see cref="ResolvedToken"/>, reused while its origin does not change.</summary>
    private ResolvedToken Bot(string token, object origin)
    {
        var last = _lastBot;
        if (last is not null && ReferenceEquals(last.Origin, origin))
        {
            return last;
        }

        last = new ResolvedToken(TokenSource.ControlPlaneOidc, "Bearer", token, null, origin);
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
