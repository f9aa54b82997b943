using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TokenPolicy.Credentials;

/// <summary>
/// Validates <see cref="CredentialClientOptions"/> at start-up. Every error names the offending key, both as
/// environment variable and as configuration key, and never repeats a secret or a URL (which may hold user-info).
/// </summary>
public sealed class CredentialClientOptionsValidator : IValidateOptions<CredentialClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CredentialClientOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static List<string> Collect(CredentialClientOptions options)
    {
        var errors = new List<string>();
        const string Section = CredentialClientOptions.SectionName + ":";

        if (options.BackendApiUrl is not null)
        {
            var key = Key(EnvironmentVariables.BackendApiUrl, Section + nameof(CredentialClientOptions.BackendApiUrl));
            if (!UrlRules.TryValidate(options.BackendApiUrl, out var uri, out var problem))
            {
                errors.Add($"{key}: {problem}");
            }
            else if (!HostAllowlist.Create(options.AllowedBackendHosts).IsAllowed(uri!))
            {
                errors.Add($"{key}: the host '{uri!.IdnHost}' is not in {Section}{nameof(CredentialClientOptions.AllowedBackendHosts)}; no token is sent to it.");
            }
        }

        CredentialIdMap.TryBuild(options, out _, errors);

        foreach (var pattern in options.AllowedBackendHosts)
        {
            if (!HostAllowlist.IsValidPattern(pattern))
            {
                errors.Add($"{Section}{nameof(CredentialClientOptions.AllowedBackendHosts)}: '{pattern}' is not a host name or a '*.suffix' pattern.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.ProjectName) && !CredentialIdMap.IsValidSegment(options.ProjectName!.Trim()))
        {
            errors.Add($"{Key(EnvironmentVariables.ProjectName, Section + nameof(CredentialClientOptions.ProjectName))}: must match [A-Za-z0-9_.-]+.");
        }

        if (!string.IsNullOrWhiteSpace(options.SessionNamespace) && !CredentialIdMap.IsValidSegment(options.SessionNamespace!.Trim()))
        {
            errors.Add($"{Key(EnvironmentVariables.SessionNamespace, Section + nameof(CredentialClientOptions.SessionNamespace))}: must match [A-Za-z0-9_.-]+.");
        }

        if (string.IsNullOrWhiteSpace(options.BotTokenFilePath))
        {
            errors.Add($"{Section}{nameof(CredentialClientOptions.BotTokenFilePath)}: must not be empty.");
        }

        var cp = options.ControlPlane;
        var cpSection = Section + nameof(CredentialClientOptions.ControlPlane) + ":";
        if (cp.IsConfigured)
        {
            if (!UrlRules.TryValidate(cp.TokenUrl, out _, out var problem))
            {
                errors.Add($"{Key(EnvironmentVariables.ControlPlaneTokenUrl, cpSection + nameof(ControlPlaneExchangeOptions.TokenUrl))}: {problem}");
            }

            var pemKey = Key(EnvironmentVariables.ControlPlanePublicKey, cpSection + nameof(ControlPlaneExchangeOptions.PublicKeyPem));
            if (string.IsNullOrWhiteSpace(cp.PublicKeyPem))
            {
                errors.Add($"{pemKey}: required when {EnvironmentVariables.ControlPlaneTokenUrl} is set.");
            }
            else if (!TryImportPublicKey(cp.PublicKeyPem!))
            {
                errors.Add($"{pemKey}: not a PEM-encoded RSA public key.");
            }

            if (string.IsNullOrWhiteSpace(cp.SessionId))
            {
                errors.Add($"{Key(EnvironmentVariables.SessionId, cpSection + nameof(ControlPlaneExchangeOptions.SessionId))}: required when {EnvironmentVariables.ControlPlaneTokenUrl} is set.");
            }
        }

        if (cp.MaxAttempts < 1 || cp.MaxAttempts > 10)
        {
            errors.Add($"{cpSection}{nameof(ControlPlaneExchangeOptions.MaxAttempts)}: must be between 1 and 10.");
        }

        if (cp.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{cpSection}{nameof(ControlPlaneExchangeOptions.AttemptTimeout)}: must be positive.");
        }

        if (cp.RetryDelay < TimeSpan.Zero)
        {
            errors.Add($"{cpSection}{nameof(ControlPlaneExchangeOptions.RetryDelay)}: must not be negative.");
        }

        var cc = options.ClientCredentials;
        var ccSection = Section + nameof(CredentialClientOptions.ClientCredentials) + ":";
        if (cc.IsConfigured)
        {
            if (!UrlRules.TryValidate(cc.TokenUrl, out _, out var problem))
            {
                errors.Add($"{Key(EnvironmentVariables.OidcTokenUrl, ccSection + nameof(ClientCredentialsOptions.TokenUrl))}: {problem}");
            }

            if (string.IsNullOrWhiteSpace(cc.ClientId))
            {
                errors.Add($"{Key(EnvironmentVariables.OidcClientId, ccSection + nameof(ClientCredentialsOptions.ClientId))}: required when {EnvironmentVariables.OidcTokenUrl} is set.");
            }

            if (string.IsNullOrWhiteSpace(cc.ClientSecret))
            {
                errors.Add($"{Key(EnvironmentVariables.OidcClientSecret, ccSection + nameof(ClientCredentialsOptions.ClientSecret))}: required when {EnvironmentVariables.OidcTokenUrl} is set.");
            }
        }

        if (cc.RefreshBeforeExpiry < TimeSpan.Zero || cc.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{ccSection}{nameof(ClientCredentialsOptions.RefreshBeforeExpiry)}/{nameof(ClientCredentialsOptions.RequestTimeout)}: must not be negative (and the timeout positive).");
        }

        var http = options.Http;
        var httpSection = Section + nameof(CredentialClientOptions.Http) + ":";
        if (http.AttemptTimeout <= TimeSpan.Zero || http.TotalTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{httpSection}{nameof(CredentialHttpOptions.AttemptTimeout)}/{nameof(CredentialHttpOptions.TotalTimeout)}: must be positive.");
        }

        if (http.MaxRetryAttempts < 0 || http.MaxRetryAttempts > 10)
        {
            errors.Add($"{httpSection}{nameof(CredentialHttpOptions.MaxRetryAttempts)}: must be between 0 and 10.");
        }

        if (http.RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add($"{httpSection}{nameof(CredentialHttpOptions.RetryBaseDelay)}: must not be negative.");
        }

        return errors;
    }

    internal static string Key(string environmentVariable, string configurationKey) =>
        $"{environmentVariable} ({configurationKey})";

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
}

/// <summary>The rules every configured URL obeys: absolute, http or https, a host, no user-info.</summary>
internal static class UrlRules
{
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
            problem = $"the scheme '{parsed.Scheme}' is not http or https.";
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
}

/// <summary>Credential ids by provider, from <see cref="CredentialClientOptions.CredentialIds"/> and <c>CREDENTIAL_IDS</c>.</summary>
internal static class CredentialIdMap
{
    private static readonly Regex s_id = new("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_segment = new("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);

    public static bool IsValidId(string id) => s_id.IsMatch(id);

    public static bool IsValidSegment(string segment) => s_segment.IsMatch(segment) && segment != "." && segment != "..";

    public static bool TryBuild(CredentialClientOptions options, out Dictionary<string, string> ids, List<string>? errors)
    {
        ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ok = true;
        var jsonKey = CredentialClientOptionsValidator.Key(EnvironmentVariables.CredentialIds, CredentialClientOptions.SectionName + ":" + nameof(CredentialClientOptions.CredentialIdsJson));
        var mapKey = CredentialClientOptions.SectionName + ":" + nameof(CredentialClientOptions.CredentialIds);

        if (!string.IsNullOrWhiteSpace(options.CredentialIdsJson))
        {
            try
            {
                using var document = JsonDocument.Parse(options.CredentialIdsJson!);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors?.Add($"{jsonKey}: must be a JSON object mapping provider to credential id, such as {{\"github\": \"cred-123\"}}.");
                    ok = false;
                }
                else
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Value.ValueKind != JsonValueKind.String)
                        {
                            errors?.Add($"{jsonKey}: the id of provider '{SafeName(property.Name)}' is not a string.");
                            ok = false;
                            continue;
                        }

                        ok &= Add(ids, property.Name, property.Value.GetString()!, jsonKey, errors);
                    }
                }
            }
            catch (JsonException e)
            {
                errors?.Add($"{jsonKey}: malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
                ok = false;
            }
        }

        // Explicit configuration wins over the environment's JSON.
        foreach (var pair in options.CredentialIds)
        {
            ok &= Add(ids, pair.Key, pair.Value, mapKey, errors);
        }

        return ok;
    }

    private static bool Add(Dictionary<string, string> ids, string provider, string? id, string key, List<string>? errors)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            errors?.Add($"{key}: a provider name is empty.");
            return false;
        }

        if (id is null || !IsValidId(id.Trim()))
        {
            errors?.Add($"{key}: the id of provider '{SafeName(provider)}' must match [A-Za-z0-9_-]+.");
            return false;
        }

        ids[provider.Trim()] = id.Trim();
        return true;
    }

    private static string SafeName(string provider)
    {
        var trimmed = provider.Length > 40 ? provider.Substring(0, 40) + "..." : provider;
        return ResolvedToken.ContainsControl(trimmed) ? "(unprintable)" : trimmed;
    }
}
