using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using TokenPolicy.Credentials;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the TokenPolicy credential client, the token resolver and the authorization handler.</summary>
public static class TokenPolicyCredentialsServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client used for token endpoints (control-plane exchange, client credentials).</summary>
    public const string TokenEndpointHttpClientName = "TokenPolicy.TokenEndpoint";

    /// <summary>The name of the resilience pipeline of <see cref="CredentialClient"/>.</summary>
    public const string ResiliencePipelineName = "tokenpolicy-credentials";

    /// <summary>
    /// Registers <see cref="CredentialClient"/>, <see cref="ICredentialTokenResolver"/>, <see cref="ICallerTokenAccessor"/>
    /// and the options, read (lowest first) from the process environment, the platform's variable names at the root
    /// of <paramref name="configuration"/> (<c>BACKEND_API_URL</c>, ...), and its section <c>TokenPolicy:Credentials</c>.
    /// Options are validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTokenPolicyCredentials(this IServiceCollection services, IConfiguration configuration) =>
        AddTokenPolicyCredentials(services, configuration, null);

    /// <summary>As <see cref="AddTokenPolicyCredentials(IServiceCollection, IConfiguration)"/>, then <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <param name="configure">Adjusts the options last.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTokenPolicyCredentials(this IServiceCollection services, IConfiguration configuration, Action<CredentialClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, configuration, configure);
    }

    /// <summary>Registers everything with options from the process environment, then <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options last.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTokenPolicyCredentials(this IServiceCollection services, Action<CredentialClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, null, configure);
    }

    /// <summary>
    /// Authenticates this client from the <see cref="ICredentialTokenResolver"/> (caller's token, else the control
    /// plane's OIDC token), refuses hosts (and proxies) outside the allowlist on every hop, switches off redirects and
    /// the environment's proxy on the primary handler, and replaces the factory's request logging with one that logs no
    /// header. Needs <c>AddTokenPolicyCredentials</c>.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddCallerOrOidcAuthorization(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddTransient(sp => new CallerOrOidcAuthorizationHandler(
            sp.GetRequiredService<CredentialTokenResolver>(),
            sp.GetRequiredService<CredentialSettings>(),
            sp.GetRequiredService<CredentialMetrics>(),
            sp.GetService<ILogger<CallerOrOidcAuthorizationHandler>>()));
        builder.AddHttpMessageHandler(sp =>
        {
            if (sp.GetService<CredentialTokenResolver>() is null)
            {
                throw new InvalidOperationException("AddCallerOrOidcAuthorization needs services.AddTokenPolicyCredentials(configuration) to register the token resolver.");
            }

            return sp.GetRequiredService<CallerOrOidcAuthorizationHandler>();
        });
        Secure(builder, tokenEndpoint: false);
        return builder;
    }

    private static IServiceCollection AddCore(IServiceCollection services, IConfiguration? configuration, Action<CredentialClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<CredentialClientOptions>()
            .Configure(o => CredentialClientOptions.ApplyEnvironment(o));
        if (configuration is not null)
        {
            optionsBuilder
                .Configure(o => CredentialClientOptions.ApplyEnvironment(o, key => configuration[key]))
                .Bind(configuration.GetSection(CredentialClientOptions.SectionName));
        }

        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        optionsBuilder.ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            // Registered before: only the options above are added, not a second pipeline.
            return services;
        }

        services.AddSingleton<Marker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CredentialClientOptions>, CredentialClientOptionsValidator>());

        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICallerTokenAccessor>(AsyncLocalCallerTokenAccessor.Instance);
        services.TryAddSingleton(sp => new CredentialMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));

        // Parsed once (the validator already parsed this instance at start-up): everything below uses these settings.
        services.TryAddSingleton(sp => CredentialSettings.Valid(sp.GetRequiredService<IOptions<CredentialClientOptions>>().Value));

        var tokenEndpoint = services.AddHttpClient(TokenEndpointHttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(Transport.NewTokenEndpointHandler)
            .AddHttpMessageHandler(sp => new HostGuardHandler(sp.GetRequiredService<CredentialSettings>().TokenEndpointHosts, sp.GetService<ILogger<HostGuardHandler>>()));
        Secure(tokenEndpoint, tokenEndpoint: true);

        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<CredentialSettings>();
            var source = sp.GetService<IOidcTokenSource>() ?? CredentialTokenResolver.CreateOidcTokenSource(
                settings,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenEndpointHttpClientName),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>(),
                sp.GetRequiredService<CredentialMetrics>());
            return new CredentialTokenResolver(sp.GetRequiredService<ICallerTokenAccessor>(), settings, source, sp.GetService<ILogger<CredentialTokenResolver>>());
        });
        services.TryAddSingleton<ICredentialTokenResolver>(sp => sp.GetRequiredService<CredentialTokenResolver>());
        services.TryAddTransient(sp => new CallerOrOidcAuthorizationHandler(
            sp.GetRequiredService<CredentialTokenResolver>(),
            sp.GetRequiredService<CredentialSettings>(),
            sp.GetRequiredService<CredentialMetrics>(),
            sp.GetService<ILogger<CallerOrOidcAuthorizationHandler>>()));

        // The credential client's pipeline: total timeout -> retry (transient faults, Retry-After capped) -> attempt
        // timeout -> the authorization handler (fallback policy and per-hop guard) -> the hardened primary handler.
        // The attempt timeout is the resilience handler's own (AttemptTimeout), not Polly's strategy: see there why.
        var credentialClient = services.AddHttpClient<CredentialClient>()
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => Transport.NewPrimaryHandler(sp.GetRequiredService<CredentialSettings>().Proxy));
        services.TryAddSingleton(sp => new CredentialPipeline(BuildPipeline(sp.GetRequiredService<CredentialSettings>().Http, sp.GetRequiredService<TimeProvider>())));
        credentialClient.AddHttpMessageHandler(sp => new ResiliencePipelineHandler(
            sp.GetRequiredService<CredentialPipeline>().Pipeline,
            sp.GetRequiredService<CredentialSettings>().Http.AttemptTimeout,
            sp.GetRequiredService<CredentialSettings>().Http.TotalTimeout,
            sp.GetRequiredService<TimeProvider>(),
            TotalTimeoutCanFire(sp.GetRequiredService<CredentialSettings>().Http)));
        credentialClient.AddHttpMessageHandler(sp => sp.GetRequiredService<CallerOrOidcAuthorizationHandler>());
        Secure(credentialClient, tokenEndpoint: false);
        return services;
    }

    /// <summary>
    /// The credential client's resilience pipeline (Microsoft.Extensions.Http.Resilience strategies on Polly), within
    /// the total timeout of <see cref="ResiliencePipelineHandler"/>: retry of transient faults only with exponential backoff and jitter (a <c>Retry-After</c> up to
    /// <see cref="CredentialHttpOptions.MaxRetryAfter"/> is honoured, a longer one ends the fetch with its status). The
    /// attempt timeout is not in it: each attempt arms its own (<see cref="AttemptTimeout"/>, reported as Polly's
    /// <see cref="Polly.Timeout.TimeoutRejectedException"/>, which the retry handles as transient), as Polly's timeout
    /// strategy cost 4-10% of the throughput with eight fetches in flight. Built once, without Polly's per-attempt telemetry (the client's own metrics and events cover
    /// fetches): on loopback that telemetry cost more than the request.
    /// </summary>
    internal static ResiliencePipeline<HttpResponseMessage> BuildPipeline(CredentialHttpOptions http, TimeProvider time)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = ResiliencePipelineName, TimeProvider = time };
        if (http.MaxRetryAttempts > 0)
        {
            var cap = http.MaxRetryAfter;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = http.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = http.RetryBaseDelay,
                MaxDelay = MaxBackoff(http),
                ShouldRetryAfterHeader = false,

                // Transient faults only: 5xx, 408, 429, HttpRequestException and attempt timeouts (401, 403 and 404
                // are answers). A Retry-After longer than the cap ends the fetch with that status instead.
                ShouldHandle = args => new ValueTask<bool>(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && !(RetryAfter(args.Outcome.Result) is { } wait && wait > cap)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result) is { } wait && wait <= cap ? wait : null),
            });
        }

        return pipeline.Build();
    }

    /// <summary>
    /// The longest wait between two attempts: a <c>Retry-After</c> is waited for up to
    /// <see cref="CredentialHttpOptions.MaxRetryAfter"/>, and the backoff is capped at twice its nominal last delay
    /// (<c>RetryBaseDelay * 2^(MaxRetryAttempts - 1)</c>), above what its jitter gives, or at <c>MaxRetryAfter</c>, whichever is longer.
    /// </summary>
    internal static TimeSpan MaxBackoff(CredentialHttpOptions http)
    {
        var nominalLast = http.RetryBaseDelay.Ticks * Math.Pow(2, Math.Max(0, http.MaxRetryAttempts - 1));
        var backoff = TimeSpan.FromTicks((long)Math.Min(2 * nominalLast, TimeSpan.FromDays(1).Ticks));
        return backoff > http.MaxRetryAfter ? backoff : http.MaxRetryAfter;
    }

    /// <summary>
    /// Whether the total timeout can end a fetch before its attempts do. Every attempt (the body read and the fallbacks
    /// included) is bounded by the attempt timeout and every wait by <see cref="MaxBackoff"/>; when all of them together
    /// stay a second under the total timeout (as with the defaults: 4 x 10 s + 3 x 5 s = 55 s, under 60 s), it
    /// cannot fire first, and <see cref="ResiliencePipelineHandler"/> arms no timer for it.
    /// </summary>
    internal static bool TotalTimeoutCanFire(CredentialHttpOptions http)
    {
        var attempts = http.MaxRetryAttempts + 1.0;
        var worst = attempts * http.AttemptTimeout.Ticks + http.MaxRetryAttempts * (double)MaxBackoff(http).Ticks;
        return worst + TimeSpan.TicksPerSecond > http.TotalTimeout.Ticks;
    }

    /// <summary>The wait a 429 or 503 asks for, if any (delta seconds or a date).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// What every client this library registers or decorates gets: the factory's request logging (whose header event
    /// carries raw header values in its state) replaced by one that logs no header; token-bearing headers redacted for
    /// any other logger; and, once the handler chain is built, the primary handler's redirects and implicit proxy off.
    /// </summary>
    private static void Secure(IHttpClientBuilder builder, bool tokenEndpoint)
    {
        var name = builder.Name;
        // The authorization handler and the token-endpoint guard log each request themselves (event 40/41).
        builder.RemoveAllLoggers();
        builder.Services.Configure<HttpClientFactoryOptions>(name, options =>
        {
            var previous = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = header => IsSensitiveHeader(header) || previous(header);
        });
        builder.Services.PostConfigure<HttpClientFactoryOptions>(name, options => options.HttpMessageHandlerBuilderActions.Add(b =>
        {
            var proxy = tokenEndpoint ? null : b.Services.GetService<CredentialSettings>()?.Proxy;
            var transport = Transport.Harden(b.PrimaryHandler, proxy);
            foreach (var handler in b.AdditionalHandlers)
            {
                if (handler is CallerOrOidcAuthorizationHandler authorization)
                {
                    authorization.Transport = transport;
                }
            }
        }));
    }

    private sealed class Marker
    {
    }

    private sealed class CredentialPipeline(ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        public ResiliencePipeline<HttpResponseMessage> Pipeline { get; } = pipeline;
    }

    private static bool IsSensitiveHeader(string header) =>
        string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "X-Caller-Token", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Cookie", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Set-Cookie", StringComparison.OrdinalIgnoreCase);
}
