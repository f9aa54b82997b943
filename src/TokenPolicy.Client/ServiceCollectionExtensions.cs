using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
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
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return AddCore(services, configuration, configure);
    }

    /// <summary>Registers everything with options from the process environment, then <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options last.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTokenPolicyCredentials(this IServiceCollection services, Action<CredentialClientOptions> configure) =>
        AddCore(services, null, configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>
    /// Authenticates this client from the <see cref="ICredentialTokenResolver"/> (caller's token, else the control
    /// plane's OIDC token) and refuses hosts outside the allowlist. Needs <c>AddTokenPolicyCredentials</c>.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddCallerOrOidcAuthorization(this IHttpClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddTransient<CallerOrOidcAuthorizationHandler>();
        RedactSensitiveHeaders(builder);
        return builder.AddHttpMessageHandler(sp =>
        {
            if (sp.GetService<CredentialTokenResolver>() is null)
            {
                throw new InvalidOperationException("AddCallerOrOidcAuthorization needs services.AddTokenPolicyCredentials(configuration) to register the token resolver.");
            }

            return sp.GetRequiredService<CallerOrOidcAuthorizationHandler>();
        });
    }

    private static IServiceCollection AddCore(IServiceCollection services, IConfiguration? configuration, Action<CredentialClientOptions>? configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

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

        RedactSensitiveHeaders(services.AddHttpClient(TokenEndpointHttpClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }));

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CredentialClientOptions>>().Value;
            var source = sp.GetService<IOidcTokenSource>() ?? CredentialTokenResolver.CreateOidcTokenSource(
                options,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenEndpointHttpClientName),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>(),
                sp.GetRequiredService<CredentialMetrics>());
            return new CredentialTokenResolver(
                sp.GetRequiredService<ICallerTokenAccessor>(),
                options,
                source,
                sp.GetService<ILogger<CredentialTokenResolver>>());
        });
        services.TryAddSingleton<ICredentialTokenResolver>(sp => sp.GetRequiredService<CredentialTokenResolver>());

        var credentialClient = services.AddHttpClient<CredentialClient>();
        RedactSensitiveHeaders(credentialClient);
        credentialClient
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddResilienceHandler(ResiliencePipelineName, static (pipeline, context) =>
            {
                var http = context.ServiceProvider.GetRequiredService<IOptions<CredentialClientOptions>>().Value.Http;
                pipeline.AddTimeout(http.TotalTimeout);
                if (http.MaxRetryAttempts > 0)
                {
                    // The default predicate retries transient faults only: 5xx, 408, 429, HttpRequestException and
                    // attempt timeouts. 401, 403 and 404 are answers, never retried.
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = http.MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = http.RetryBaseDelay,
                    });
                }

                pipeline.AddTimeout(http.AttemptTimeout);
            });

        return services;
    }

    /// <summary>
    /// Keeps token-bearing headers out of the HTTP client factory's trace logs, whatever else the application
    /// chose to redact.
    /// </summary>
    private static void RedactSensitiveHeaders(IHttpClientBuilder builder) =>
        builder.Services.Configure<HttpClientFactoryOptions>(builder.Name, options =>
        {
            var previous = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = header => IsSensitiveHeader(header) || previous(header);
        });

    private sealed class Marker
    {
    }

    private static bool IsSensitiveHeader(string header) =>
        string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "X-Caller-Token", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Cookie", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Set-Cookie", StringComparison.OrdinalIgnoreCase);
}
