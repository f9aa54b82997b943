using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TokenPolicy.Credentials;

/// <summary>Which part of the settings an error is about (the resolver without DI only cares about tokens).</summary>
internal enum SettingArea
{
    Backend,
    Tokens,
    Http,
}

/// <summary>One validation error: the key it names and the text (never a secret or a URL).</summary>
internal readonly record struct SettingError(SettingArea Area, string Text);

/// <summary>
/// <see cref="CredentialClientOptions"/> parsed and validated once: URLs as <see cref="Uri"/>, allowlists compiled,
/// credential ids merged, the control-plane key imported. Everything the client, the handler and the resolver use
/// comes from here; nothing re-parses options.
/// </summary>
internal sealed class CredentialSettings
{
    private const string Section = CredentialClientOptions.SectionName + ":";

    private CredentialSettings(CredentialClientOptions options)
    {
        Options = options;
    }

    public CredentialClientOptions Options { get; }

    public List<SettingError> Errors { get; } = new();

    public IEnumerable<string> ErrorTexts => Errors.Select(e => e.Text);

    public Uri? Backend { get; private set; }

    public string? Project { get; private set; }

    /// <summary>Credential ids by provider (case-insensitive).</summary>
    public Dictionary<string, string> Ids { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    public HostAllowlist BackendHosts { get; private set; } = null!;

    public HostAllowlist TokenEndpointHosts { get; private set; } = null!;

    public Uri? Proxy { get; private set; }

    public string BotTokenFilePath { get; private set; } = CredentialClientOptions.DefaultBotTokenFilePath;

    public TimeSpan BotTokenFileCheckInterval { get; private set; }

    /// <summary>BOT_TOKEN when it is a valid header value; otherwise null and <see cref="EnvironmentTokenProblem"/> says why.</summary>
    public string? EnvironmentToken { get; private set; }

    public string? EnvironmentTokenProblem { get; private set; }

    public Uri? ControlPlaneUrl { get; private set; }

    public Uri? ClientCredentialsUrl { get; private set; }

    public CredentialHttpOptions Http => Options.Http;

    /// <summary>The options' settings, parsed once per options instance.</summary>
    public static CredentialSettings For(CredentialClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SettingsCache.Get(options);
    }

    /// <summary>The settings, or an <see cref="OptionsValidationException"/> listing every error.</summary>
    public static CredentialSettings Valid(CredentialClientOptions options, SettingArea? only = null)
    {
        var settings = For(options);
        var errors = settings.Errors.Where(e => only is null || e.Area == only).Select(e => e.Text).ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(CredentialClientOptions), typeof(CredentialClientOptions), errors);
        }

        return settings;
    }

    internal static string Key(string environmentVariable, string configurationKey) => $"{environmentVariable} ({configurationKey})";

    public static CredentialSettings Parse(CredentialClientOptions o)
    {
        var s = new CredentialSettings(o);
        s.ParseAll();
        return s;
    }

    private void Add(SettingArea area, string text) => Errors.Add(new SettingError(area, text));

    private void ParseAll()
    {
        var o = Options;
        Annotations(o, Section, SettingArea.Tokens);
        Annotations(o.ControlPlane, Section + nameof(CredentialClientOptions.ControlPlane) + ":", SettingArea.Tokens);
        Annotations(o.ClientCredentials, Section + nameof(CredentialClientOptions.ClientCredentials) + ":", SettingArea.Tokens);
        Annotations(o.Http, Section + nameof(CredentialClientOptions.Http) + ":", SettingArea.Http);
        BotTokenFileCheckInterval = o.BotTokenFileCheckInterval < TimeSpan.Zero ? TimeSpan.Zero : o.BotTokenFileCheckInterval;

        foreach (var pattern in o.AllowedBackendHosts)
        {
            if (!HostAllowlist.IsValidPattern(pattern))
            {
                Add(SettingArea.Backend, $"{Section}{nameof(CredentialClientOptions.AllowedBackendHosts)}: '{Printable(pattern)}' is not a host name or a '*.suffix' pattern.");
            }
        }

        foreach (var pattern in o.AllowedTokenEndpointHosts)
        {
            if (!HostAllowlist.IsValidPattern(pattern))
            {
                Add(SettingArea.Tokens, $"{Section}{nameof(CredentialClientOptions.AllowedTokenEndpointHosts)}: '{Printable(pattern)}' is not a host name or a '*.suffix' pattern.");
            }
        }

        BackendHosts = HostAllowlist.Create(o.AllowedBackendHosts);
        TokenEndpointHosts = HostAllowlist.Create(o.AllowedTokenEndpointHosts);

        if (o.BackendApiUrl is not null)
        {
            var key = Key(EnvironmentVariables.BackendApiUrl, Section + nameof(CredentialClientOptions.BackendApiUrl));
            if (!UrlRules.TryValidate(o.BackendApiUrl, out var uri, out var problem))
            {
                Add(SettingArea.Backend, $"{key}: {problem}");
            }
            else if (!BackendHosts.IsAllowed(uri!))
            {
                Add(SettingArea.Backend, $"{key}: the host '{uri!.IdnHost}' is not in {Section}{nameof(CredentialClientOptions.AllowedBackendHosts)}; no token is sent to it.");
            }
            else
            {
                Backend = uri;
            }
        }

        var ids = CredentialIdMap.Build(o, out var idErrors);
        Ids = ids;
        foreach (var e in idErrors)
        {
            Add(SettingArea.Backend, e);
        }

        if (!string.IsNullOrWhiteSpace(o.ProjectName) && !Names.IsValidSegment(o.ProjectName!.Trim()))
        {
            Add(SettingArea.Backend, $"{Key(EnvironmentVariables.ProjectName, Section + nameof(CredentialClientOptions.ProjectName))}: must match [A-Za-z0-9_.-]+ (at most 253 characters).");
        }

        if (!string.IsNullOrWhiteSpace(o.SessionNamespace) && !Names.IsValidSegment(o.SessionNamespace!.Trim()))
        {
            Add(SettingArea.Backend, $"{Key(EnvironmentVariables.SessionNamespace, Section + nameof(CredentialClientOptions.SessionNamespace))}: must match [A-Za-z0-9_.-]+ (at most 253 characters).");
        }

        Project = o.EffectiveProject;

        if (string.IsNullOrWhiteSpace(o.BotTokenFilePath))
        {
            Add(SettingArea.Tokens, $"{Section}{nameof(CredentialClientOptions.BotTokenFilePath)}: must not be empty.");
        }
        else
        {
            BotTokenFilePath = o.BotTokenFilePath.Trim();
            if (ServiceAccountTokenPaths.Check(BotTokenFilePath) is { } why)
            {
                Add(SettingArea.Tokens, $"{Section}{nameof(CredentialClientOptions.BotTokenFilePath)}: {why}; the kubelet's service-account token is never a bot token.");
            }
        }

        if (!string.IsNullOrWhiteSpace(o.BotToken))
        {
            var token = o.BotToken!.Trim();
            if (TokenText.Problem(token, allowSpaces: false) is { } problem)
            {
                EnvironmentTokenProblem = problem;
                Add(SettingArea.Tokens, $"{Key(EnvironmentVariables.BotToken, Section + nameof(CredentialClientOptions.BotToken))}: {problem}.");
            }
            else
            {
                EnvironmentToken = token;
            }
        }

        var cp = o.ControlPlane;
        var cpSection = Section + nameof(CredentialClientOptions.ControlPlane) + ":";
        if (cp.IsConfigured)
        {
            ControlPlaneUrl = TokenUrl(cp.TokenUrl, Key(EnvironmentVariables.ControlPlaneTokenUrl, cpSection + nameof(ControlPlaneExchangeOptions.TokenUrl)));
            var pemKey = Key(EnvironmentVariables.ControlPlanePublicKey, cpSection + nameof(ControlPlaneExchangeOptions.PublicKeyPem));
            if (string.IsNullOrWhiteSpace(cp.PublicKeyPem))
            {
                Add(SettingArea.Tokens, $"{pemKey}: required when {EnvironmentVariables.ControlPlaneTokenUrl} is set.");
            }
            else if (!TryImportPublicKey(cp.PublicKeyPem!))
            {
                Add(SettingArea.Tokens, $"{pemKey}: not a PEM-encoded RSA public key.");
            }

            if (string.IsNullOrWhiteSpace(cp.SessionId))
            {
                Add(SettingArea.Tokens, $"{Key(EnvironmentVariables.SessionId, cpSection + nameof(ControlPlaneExchangeOptions.SessionId))}: required when {EnvironmentVariables.ControlPlaneTokenUrl} is set.");
            }
        }

        var cc = o.ClientCredentials;
        var ccSection = Section + nameof(CredentialClientOptions.ClientCredentials) + ":";
        if (cc.IsConfigured)
        {
            ClientCredentialsUrl = TokenUrl(cc.TokenUrl, Key(EnvironmentVariables.OidcTokenUrl, ccSection + nameof(ClientCredentialsOptions.TokenUrl)));
            if (string.IsNullOrWhiteSpace(cc.ClientId))
            {
                Add(SettingArea.Tokens, $"{Key(EnvironmentVariables.OidcClientId, ccSection + nameof(ClientCredentialsOptions.ClientId))}: required when {EnvironmentVariables.OidcTokenUrl} is set.");
            }

            if (string.IsNullOrWhiteSpace(cc.ClientSecret))
            {
                Add(SettingArea.Tokens, $"{Key(EnvironmentVariables.OidcClientSecret, ccSection + nameof(ClientCredentialsOptions.ClientSecret))}: required when {EnvironmentVariables.OidcTokenUrl} is set.");
            }
        }

        if (o.Http.ProxyUrl is not null)
        {
            var key = $"{Section}{nameof(CredentialClientOptions.Http)}:{nameof(CredentialHttpOptions.ProxyUrl)}";
            if (!UrlRules.TryValidate(o.Http.ProxyUrl, out var proxy, out var problem))
            {
                Add(SettingArea.Http, $"{key}: {problem}");
            }
            else if (!BackendHosts.IsAllowed(proxy!))
            {
                Add(SettingArea.Http, $"{key}: the proxy host '{proxy!.IdnHost}' is not in {Section}{nameof(CredentialClientOptions.AllowedBackendHosts)}; no token is sent through it.");
            }
            else
            {
                Proxy = proxy;
            }
        }
    }

    private Uri? TokenUrl(string? text, string key)
    {
        if (!UrlRules.TryValidate(text, out var uri, out var problem))
        {
            Add(SettingArea.Tokens, $"{key}: {problem}");
            return null;
        }

        if (!TokenEndpointHosts.IsAllowed(uri!))
        {
            Add(SettingArea.Tokens, $"{key}: the host '{uri!.IdnHost}' is not in {Section}{nameof(CredentialClientOptions.AllowedTokenEndpointHosts)}; no proof or secret is sent to it.");
            return null;
        }

        return uri;
    }

    private void Annotations(object instance, string prefix, SettingArea area)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true))
        {
            foreach (var r in results)
            {
                Add(area, $"{prefix}{string.Join(",", r.MemberNames)}: {r.ErrorMessage}");
            }
        }
    }

    private static bool TryImportPublicKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    internal static string Printable(string? text)
    {
        if (text is null)
        {
            return "(null)";
        }

        var trimmed = text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "...") : text;
        return TokenText.Problem(trimmed, allowSpaces: true) is null ? trimmed : "(unprintable)";
    }
}

/// <summary>The rules every configured URL obeys: absolute, http or https, a host, no user-info.</summary>
internal static class UrlRules
{
    /// <summary>
    /// A token endpoint's URL from <paramref name="variable"/>: valid by <see cref="TryValidate"/> and on the token-endpoint
    /// allowlist; otherwise an <see cref="ArgumentException"/> that says what is not sent (the proof, the secret).
    /// </summary>
    public static Uri RequireTokenEndpoint(string? text, HostAllowlist allowedHosts, string variable, string withheld, string parameterName)
    {
        if (!TryValidate(text, out var url, out var problem))
        {
            throw new ArgumentException($"{variable}: {problem}", parameterName);
        }

        if (!allowedHosts.IsAllowed(url!))
        {
            throw new ArgumentException($"{variable}: the host '{url!.IdnHost}' is not in {CredentialClientOptions.SectionName}:{nameof(CredentialClientOptions.AllowedTokenEndpointHosts)}; {withheld} is not sent to it.", parameterName);
        }

        return url!;
    }

    public static bool TryValidate(string? text, out Uri? uri, out string problem)
    {
        uri = null;
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var parsed))
        {
            problem = "not an absolute URL.";
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"the scheme '{SafeScheme(parsed.Scheme)}' is not http or https.";
            return false;
        }

        if (string.IsNullOrEmpty(parsed.Host))
        {
            problem = "the URL has no host.";
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            problem = "the URL must not contain user-info (credentials before '@').";
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment))
        {
            problem = "the URL must not contain a query or a fragment.";
            return false;
        }

        uri = parsed;
        return true;
    }

    private static string SafeScheme(string scheme) => scheme.Length <= 16 ? scheme : string.Concat(scheme.AsSpan(0, 16), "...");
}

/// <summary>Names that reach URLs, logs and metric tags: provider names, credential ids, path segments.</summary>
internal static class Names
{
    /// <summary>The longest provider name or credential id accepted.</summary>
    public const int MaxLength = 64;

    private static readonly Regex s_segment = new("^[A-Za-z0-9_.-]{1,253}$", RegexOptions.CultureInvariant);

    /// <summary><c>[A-Za-z0-9_-]{1,64}</c>: credential ids and provider names.</summary>
    public static bool IsValidId(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidSegment(string segment) => s_segment.IsMatch(segment) && segment != "." && segment != "..";
}

/// <summary>Credential ids by provider, from <see cref="CredentialClientOptions.CredentialIds"/> and <c>CREDENTIAL_IDS</c>.</summary>
internal static class CredentialIdMap
{
    public static Dictionary<string, string> Build(CredentialClientOptions options, out List<string> errors)
    {
        errors = new List<string>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var jsonKey = CredentialSettings.Key(EnvironmentVariables.CredentialIds, CredentialClientOptions.SectionName + ":" + nameof(CredentialClientOptions.CredentialIdsJson));
        var mapKey = CredentialClientOptions.SectionName + ":" + nameof(CredentialClientOptions.CredentialIds);

        if (!string.IsNullOrWhiteSpace(options.CredentialIdsJson))
        {
            try
            {
                using var document = JsonDocument.Parse(options.CredentialIdsJson!);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{jsonKey}: must be a JSON object mapping provider to credential id, such as {{\"github\": \"cred-123\"}}.");
                }
                else
                {
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (!seen.Add(property.Name.Trim()))
                        {
                            errors.Add($"{jsonKey}: the provider '{SafeName(property.Name)}' appears more than once (providers are case-insensitive).");
                            continue;
                        }

                        if (property.Value.ValueKind != JsonValueKind.String)
                        {
                            errors.Add($"{jsonKey}: the id of provider '{SafeName(property.Name)}' is not a string.");
                            continue;
                        }

                        Add(ids, property.Name, property.Value.GetString(), jsonKey, errors);
                    }
                }
            }
            catch (JsonException e)
            {
                errors.Add($"{jsonKey}: malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            }
        }

        // Explicit configuration wins over the environment's JSON.
        foreach (var pair in options.CredentialIds)
        {
            Add(ids, pair.Key, pair.Value, mapKey, errors);
        }

        return ids;
    }

    private static void Add(Dictionary<string, string> ids, string provider, string? id, string key, List<string> errors)
    {
        var name = provider?.Trim() ?? string.Empty;
        if (!Names.IsValidId(name))
        {
            errors.Add($"{key}: the provider name '{SafeName(provider)}' must match [A-Za-z0-9_-]{{1,{Names.MaxLength}}}.");
            return;
        }

        if (id is null || !Names.IsValidId(id.Trim()))
        {
            errors.Add($"{key}: the id of provider '{name}' must match [A-Za-z0-9_-]{{1,{Names.MaxLength}}}.");
            return;
        }

        ids[name] = id.Trim();
    }

    private static string SafeName(string? provider) => Names.IsValidId(provider?.Trim() ?? string.Empty) ? provider!.Trim() : CredentialSettings.Printable(provider);
}

/// <summary>
/// The kubelet-mounted and projected service-account token paths the analyzers forbid. The bot-token file must be
/// none of them, neither as written nor after following symbolic links (of the file or of any folder above it).
/// </summary>
internal static class ServiceAccountTokenPaths
{
    private static readonly char[] s_pathSeparators = { '/', '\\' };

    private static readonly string[] s_forbiddenFolders =
    {
        "/var/run/secrets/kubernetes.io/",
        "/run/secrets/kubernetes.io/",
        "/var/run/secrets/tokens/",
        "/run/secrets/tokens/",
        "/var/run/secrets/eks.amazonaws.com/",
        "/run/secrets/eks.amazonaws.com/",
        "/var/run/secrets/azure/tokens/",
        "/run/secrets/azure/tokens/",
    };

    /// <summary>Why <paramref name="path"/> is a service-account token path, or null.</summary>
    public static string? Check(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return "not a valid path";
        }

        if (Forbidden(full) is { } direct)
        {
            return $"it is the service-account token path {direct}";
        }

        try
        {
            foreach (var hop in FollowLinks(full))
            {
                if (Forbidden(hop) is { } target)
                {
                    return $"it resolves (through a symbolic link) to the service-account token path {target}";
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable links: checked again when the file is read.
        }

        return null;
    }

    private static string? Forbidden(string full)
    {
        var normalized = full.Replace('\\', '/');
        foreach (var folder in s_forbiddenFolders)
        {
            if (normalized.StartsWith(folder, StringComparison.Ordinal))
            {
                return folder + "...";
            }
        }

        foreach (var variable in new[] { "AWS_WEB_IDENTITY_TOKEN_FILE", "AZURE_FEDERATED_TOKEN_FILE" })
        {
            var named = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(named) && string.Equals(SafeFull(named), full, StringComparison.Ordinal))
            {
                return $"named by {variable}";
            }
        }

        return null;
    }

    private static string? SafeFull(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Every path met while resolving the links of <paramref name="full"/>, component by component (dangling links too).</summary>
    private static IEnumerable<string> FollowLinks(string full)
    {
        var current = full;
        for (var hops = 0; hops < 40; hops++)
        {
            var changed = false;
            var root = Path.GetPathRoot(current) ?? "/";
            var parts = current.Substring(root.Length).Split(s_pathSeparators, StringSplitOptions.RemoveEmptyEntries);
            var prefix = root;
            for (var i = 0; i < parts.Length; i++)
            {
                var candidate = Path.Combine(prefix, parts[i]);
                var info = new FileInfo(candidate);
                var target = info.LinkTarget;
                if (target is not null)
                {
                    var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(prefix, target));
                    var rest = string.Join("/", parts, i + 1, parts.Length - i - 1);
                    current = rest.Length == 0 ? resolved : Path.Combine(resolved, rest);
                    yield return current;
                    changed = true;
                    break;
                }

                prefix = candidate;
            }

            if (!changed)
            {
                yield break;
            }
        }
    }
}
