using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace TokenPolicy.Credentials;

/// <summary>
/// Settings of the credential client and the token resolver. Bound from the configuration section
/// <see cref="SectionName"/> and from the platform's environment variables (<c>BACKEND_API_URL</c>,
/// <c>CREDENTIAL_IDS</c>, <c>PROJECT_NAME</c>, <c>AGENTIC_SESSION_NAMESPACE</c>, <c>BOT_TOKEN</c>,
/// <c>AMBIENT_CP_TOKEN_URL</c>, <c>AMBIENT_CP_TOKEN_PUBLIC_KEY</c>, <c>SESSION_ID</c>, <c>OIDC_TOKEN_URL</c>,
/// <c>OIDC_CLIENT_ID</c>, <c>OIDC_CLIENT_SECRET</c>).
/// </summary>
public sealed class CredentialClientOptions
{
    /// <summary>The configuration section read by <c>AddTokenPolicyCredentials</c>.</summary>
    public const string SectionName = "TokenPolicy:Credentials";

    /// <summary>The bot-token file the platform's operator mounts and rotates.</summary>
    public const string DefaultBotTokenFilePath = "/var/run/secrets/ambient/bot-token";

    /// <summary>Hosts a token may be sent to unless configured otherwise.</summary>
    public static IReadOnlyList<string> DefaultAllowedBackendHosts { get; } =
        new[] { "*.svc.cluster.local", "*.svc", "localhost", "127.0.0.1", "[::1]" };

    /// <summary>The backend base URL (<c>BACKEND_API_URL</c>), http or https.</summary>
    public string? BackendApiUrl { get; set; }

    /// <summary>
    /// Credential ids by provider (for example <c>github</c> to <c>cred-123</c>); merged with
    /// <see cref="CredentialIdsJson"/>. Provider names are case-insensitive.
    /// </summary>
    public Dictionary<string, string> CredentialIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A JSON object of credential ids by provider (<c>CREDENTIAL_IDS</c>), validated at start-up.</summary>
    public string? CredentialIdsJson { get; set; }

    /// <summary>The project (<c>PROJECT_NAME</c>); when set, the project-scoped endpoint is used.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The session namespace (<c>AGENTIC_SESSION_NAMESPACE</c>), the project when <see cref="ProjectName"/> is not set.</summary>
    public string? SessionNamespace { get; set; }

    /// <summary>
    /// Hosts a token may be sent to: exact names, or <c>*.suffix</c> for any host under a suffix. Starts with
    /// <see cref="DefaultAllowedBackendHosts"/>; configuration adds to it, code may clear it.
    /// </summary>
    public List<string> AllowedBackendHosts { get; } = new(DefaultAllowedBackendHosts);

    /// <summary>
    /// Hosts the control-plane exchange (<c>AMBIENT_CP_TOKEN_URL</c>) and the client-credentials grant
    /// (<c>OIDC_TOKEN_URL</c>) may be reached at: the session proof and the client secret go nowhere else. Same
    /// patterns and defaults as <see cref="AllowedBackendHosts"/>; configuration adds, code may clear.
    /// </summary>
    public List<string> AllowedTokenEndpointHosts { get; } = new(DefaultAllowedBackendHosts);

    /// <summary>
    /// How often the bot-token file is checked for a change (1 s); a refused token re-reads it at once. Zero checks
    /// on every resolution.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "must be between 0 and 1 hour.")]
    public TimeSpan BotTokenFileCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bot-token file; re-read when it changes.</summary>
    public string BotTokenFilePath { get; set; } = DefaultBotTokenFilePath;

    /// <summary>The bot token from the environment (<c>BOT_TOKEN</c>), the last bot-token source.</summary>
    public string? BotToken { get; set; }

    /// <summary>The control-plane token exchange.</summary>
    public ControlPlaneExchangeOptions ControlPlane { get; } = new();

    /// <summary>An OAuth2 client-credentials grant, for services that hold their own OIDC client.</summary>
    public ClientCredentialsOptions ClientCredentials { get; } = new();

    /// <summary>Timeouts and retries of credential fetches.</summary>
    public CredentialHttpOptions Http { get; } = new();

    /// <summary>
    /// Reads the platform's environment variables into <paramref name="options"/>; a variable that is not set
    /// leaves the setting as it is.
    /// </summary>
    /// <param name="options">The options to fill.</param>
    /// <param name="getVariable">Reads one variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    public static void ApplyEnvironment(CredentialClientOptions options, Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        getVariable ??= Environment.GetEnvironmentVariable;
        string? Get(string name)
        {
            var value = getVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        options.BackendApiUrl = Get(EnvironmentVariables.BackendApiUrl) ?? options.BackendApiUrl;
        options.CredentialIdsJson = Get(EnvironmentVariables.CredentialIds) ?? options.CredentialIdsJson;
        options.ProjectName = Get(EnvironmentVariables.ProjectName) ?? options.ProjectName;
        options.SessionNamespace = Get(EnvironmentVariables.SessionNamespace) ?? options.SessionNamespace;
        options.BotToken = Get(EnvironmentVariables.BotToken)?.Trim() ?? options.BotToken;
        options.ControlPlane.TokenUrl = Get(EnvironmentVariables.ControlPlaneTokenUrl) ?? options.ControlPlane.TokenUrl;
        options.ControlPlane.PublicKeyPem = Get(EnvironmentVariables.ControlPlanePublicKey) ?? options.ControlPlane.PublicKeyPem;
        options.ControlPlane.SessionId = Get(EnvironmentVariables.SessionId) ?? options.ControlPlane.SessionId;
        options.ClientCredentials.TokenUrl = Get(EnvironmentVariables.OidcTokenUrl) ?? options.ClientCredentials.TokenUrl;
        options.ClientCredentials.ClientId = Get(EnvironmentVariables.OidcClientId) ?? options.ClientCredentials.ClientId;
        options.ClientCredentials.ClientSecret = Get(EnvironmentVariables.OidcClientSecret) ?? options.ClientCredentials.ClientSecret;
    }

    /// <summary>The options as the platform's environment variables set them.</summary>
    /// <param name="getVariable">Reads one variable; the process environment when null.</param>
    public static CredentialClientOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        var options = new CredentialClientOptions();
        ApplyEnvironment(options, getVariable);
        return options;
    }

    /// <summary>The project used in the endpoint: <see cref="ProjectName"/>, else <see cref="SessionNamespace"/>.</summary>
    public string? EffectiveProject =>
        !string.IsNullOrWhiteSpace(ProjectName) ? ProjectName!.Trim()
        : !string.IsNullOrWhiteSpace(SessionNamespace) ? SessionNamespace!.Trim()
        : null;
}

/// <summary>The control-plane token exchange (<c>AMBIENT_CP_TOKEN_URL</c>, <c>AMBIENT_CP_TOKEN_PUBLIC_KEY</c>, <c>SESSION_ID</c>).</summary>
public sealed class ControlPlaneExchangeOptions
{
    /// <summary>The token endpoint (http or https, a host, no user-info).</summary>
    public string? TokenUrl { get; set; }

    /// <summary>The control plane's RSA public key in PEM.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>The session id the request proves, encrypted with <see cref="PublicKeyPem"/>.</summary>
    public string? SessionId { get; set; }

    /// <summary>Attempts per exchange (3).</summary>
    [Range(1, 10, ErrorMessage = "must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Timeout of one attempt (10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "must be between 1 ms and 10 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before the second attempt (1 s); it doubles before each later one (2 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "must be between 0 and 1 minute.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the exchange is configured (a token URL is set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(TokenUrl);
}

/// <summary>An OAuth2 client-credentials grant (<c>OIDC_TOKEN_URL</c>, <c>OIDC_CLIENT_ID</c>, <c>OIDC_CLIENT_SECRET</c>).</summary>
public sealed class ClientCredentialsOptions
{
    /// <summary>The token endpoint (http or https, a host, no user-info).</summary>
    public string? TokenUrl { get; set; }

    /// <summary>The client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>An optional scope.</summary>
    public string? Scope { get; set; }

    /// <summary>How long before expiry a cached token is replaced (30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "must be between 0 and 1 hour.")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one attempt of the token request (10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "must be between 1 ms and 10 minutes.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per token request (2); only transient faults are retried.</summary>
    [Range(1, 10, ErrorMessage = "must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>Delay before the second attempt (500 ms); it doubles before each later one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "must be between 0 and 1 minute.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether the grant is configured (a token URL is set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(TokenUrl);
}

/// <summary>Timeouts and retries of credential fetches (transient faults only: 5xx, 408, 429, timeouts, connection errors).</summary>
public sealed class CredentialHttpOptions
{
    /// <summary>Timeout of one attempt (10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "must be between 1 ms and 10 minutes.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt (3).</summary>
    [Range(0, 10, ErrorMessage = "must be between 0 and 10.")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff with jitter (500 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "must be between 0 and 1 minute.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Timeout of one fetch over all attempts (60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:30:00", ErrorMessage = "must be between 1 ms and 30 minutes.")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest <c>Retry-After</c> a 429 or 503 is waited for (5 s). A longer one is not waited for: the fetch
    /// ends with that status.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "must be between 0 and 10 minutes.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// An explicit HTTP proxy for credential fetches and for clients with <c>AddCallerOrOidcAuthorization</c>. Unset
    /// (the default), no proxy is used at all: <c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c> and <c>ALL_PROXY</c> are
    /// ignored. Its host must be in <see cref="CredentialClientOptions.AllowedBackendHosts"/>, or no token is sent
    /// through it. Token endpoints are always reached directly.
    /// </summary>
    public string? ProxyUrl { get; set; }
}

/// <summary>The environment variables the platform sets.</summary>
public static class EnvironmentVariables
{
    /// <summary><c>BACKEND_API_URL</c>.</summary>
    public const string BackendApiUrl = "BACKEND_API_URL";

    /// <summary><c>CREDENTIAL_IDS</c>.</summary>
    public const string CredentialIds = "CREDENTIAL_IDS";

    /// <summary><c>PROJECT_NAME</c>.</summary>
    public const string ProjectName = "PROJECT_NAME";

    /// <summary><c>AGENTIC_SESSION_NAMESPACE</c>.</summary>
    public const string SessionNamespace = "AGENTIC_SESSION_NAMESPACE";

    /// <summary><c>BOT_TOKEN</c>.</summary>
    public const string BotToken = "BOT_TOKEN";

    /// <summary><c>AMBIENT_CP_TOKEN_URL</c>.</summary>
    public const string ControlPlaneTokenUrl = "AMBIENT_CP_TOKEN_URL";

    /// <summary><c>AMBIENT_CP_TOKEN_PUBLIC_KEY</c>.</summary>
    public const string ControlPlanePublicKey = "AMBIENT_CP_TOKEN_PUBLIC_KEY";

    /// <summary><c>SESSION_ID</c>.</summary>
    public const string SessionId = "SESSION_ID";

    /// <summary><c>OIDC_TOKEN_URL</c>.</summary>
    public const string OidcTokenUrl = "OIDC_TOKEN_URL";

    /// <summary><c>OIDC_CLIENT_ID</c>.</summary>
    public const string OidcClientId = "OIDC_CLIENT_ID";

    /// <summary><c>OIDC_CLIENT_SECRET</c>.</summary>
    public const string OidcClientSecret = "OIDC_CLIENT_SECRET";
}
