using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TokenPolicy.Credentials;

/// <summary>How a credential fetch ended (failures are exceptions).</summary>
public enum CredentialResultStatus
{
    /// <summary>The backend returned the credential.</summary>
    Success = 0,

    /// <summary>No credential id is configured for the provider (<c>CREDENTIAL_IDS</c>); nothing was sent.</summary>
    NotConfigured = 1,

    /// <summary>The backend has no such credential (404).</summary>
    NotFound = 2,
}

/// <summary>The outcome of <see cref="CredentialClient.GetAsync"/>. Its <see cref="ToString"/> redacts secrets.</summary>
public sealed class CredentialResult
{
    private CredentialResult(CredentialResultStatus status, string provider, string? credentialId, ProviderCredential? credential)
    {
        Status = status;
        Provider = provider;
        CredentialId = credentialId;
        Credential = credential;
    }

    /// <summary>How the fetch ended.</summary>
    public CredentialResultStatus Status { get; }

    /// <summary>The provider asked for (for example <c>github</c>).</summary>
    public string Provider { get; }

    /// <summary>The configured credential id; null when <see cref="CredentialResultStatus.NotConfigured"/>.</summary>
    public string? CredentialId { get; }

    /// <summary>The credential, when <see cref="IsSuccess"/>.</summary>
    public ProviderCredential? Credential { get; }

    /// <summary>Whether the backend returned the credential.</summary>
    [MemberNotNullWhen(true, nameof(Credential))]
    public bool IsSuccess => Status == CredentialResultStatus.Success && Credential is not null;

    /// <summary>A successful result.</summary>
    /// <param name="credential">The credential.</param>
    public static CredentialResult Success(ProviderCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new(CredentialResultStatus.Success, credential.Provider, credential.CredentialId, credential);
    }

    /// <summary>No credential configured for <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider.</param>
    public static CredentialResult NotConfigured(string provider) => new(CredentialResultStatus.NotConfigured, provider, null, null);

    /// <summary>The backend has no credential <paramref name="credentialId"/>.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="credentialId">The credential id.</param>
    public static CredentialResult NotFound(string provider, string credentialId) => new(CredentialResultStatus.NotFound, provider, credentialId, null);

    /// <summary>Describes the result without secrets.</summary>
    public override string ToString() =>
        IsSuccess ? Credential.ToString() : $"CredentialResult {{ Status = {Status}, Provider = {Provider}, CredentialId = {CredentialId ?? "(none)"} }}";
}

/// <summary>
/// A credential as the backend returns it: the token plus the provider's extra fields (GitHub/GitLab <c>userName</c>,
/// <c>email</c>, <c>expiresAt</c>; Jira <c>url</c>, <c>email</c>, <c>apiToken</c>; Google <c>accessToken</c>,
/// <c>refreshToken</c>, <c>expiresAt</c>). Its <see cref="ToString"/> redacts every secret.
/// </summary>
public sealed class ProviderCredential
{
    /// <summary>Creates a credential.</summary>
    public ProviderCredential(string provider, string credentialId, string token)
    {
        Provider = provider;
        CredentialId = credentialId;
        Token = token;
    }

    /// <summary>The provider.</summary>
    public string Provider { get; }

    /// <summary>The credential id.</summary>
    public string CredentialId { get; }

    /// <summary>The token (<c>token</c>; for providers that only send <c>apiToken</c> or <c>accessToken</c>, that one). Never log it.</summary>
    public string Token { get; }

    /// <summary><c>userName</c> (GitHub, GitLab).</summary>
    public string? UserName { get; init; }

    /// <summary><c>email</c>.</summary>
    public string? Email { get; init; }

    /// <summary><c>expiresAt</c>, when given as an ISO 8601 time or Unix seconds.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary><c>url</c> (Jira).</summary>
    public string? Url { get; init; }

    /// <summary><c>apiToken</c> (Jira). Never log it.</summary>
    public string? ApiToken { get; init; }

    /// <summary><c>accessToken</c> (Google). Never log it.</summary>
    public string? AccessToken { get; init; }

    /// <summary><c>refreshToken</c> (Google). Never log it.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Any other fields of the answer, as JSON. May hold secrets: do not log them.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalFields { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Describes the credential with every secret redacted.</summary>
    public override string ToString()
    {
        static string Secret(string? value) => value is null ? "(none)" : "[redacted]";
        return $"ProviderCredential {{ Provider = {Provider}, CredentialId = {CredentialId}, Token = [redacted], UserName = {UserName ?? "(none)"}, Email = {Email ?? "(none)"}, ExpiresAt = {ExpiresAt?.ToString("O") ?? "(none)"}, Url = {Url ?? "(none)"}, ApiToken = {Secret(ApiToken)}, AccessToken = {Secret(AccessToken)}, RefreshToken = {Secret(RefreshToken)}, AdditionalFields = {AdditionalFields.Count} }}";
    }

    internal static ProviderCredential? Parse(string provider, string credentialId, byte[] body)
    {
        // The usual answer (known fields only, flat): one pass of a reader, no document. Anything else: the document.
        if (TryParseFlat(provider, credentialId, body, out var flat))
        {
            return flat;
        }

        return ParseDocument(provider, credentialId, body);
    }

    private static bool TryParseFlat(string provider, string credentialId, byte[] body, out ProviderCredential? credential)
    {
        credential = null;
        string? token = null, userName = null, email = null, url = null, apiToken = null, accessToken = null, refreshToken = null;
        DateTimeOffset? expiresAt = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    if (reader.Read())
                    {
                        return false; // trailing content: let the document decide
                    }

                    break;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return false;
                }

                var known = KnownName(ref reader);
                if (known is null || !reader.Read())
                {
                    return false;
                }

                var isString = reader.TokenType == JsonTokenType.String;
                if (!isString && reader.TokenType is not (JsonTokenType.Number or JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False))
                {
                    return false; // an object or array: the document path
                }

                switch (known)
                {
                    case "token": token = isString ? reader.GetString() : null; break;
                    case "username": userName = isString ? reader.GetString() : null; break;
                    case "email": email = isString ? reader.GetString() : null; break;
                    case "url": url = isString ? reader.GetString() : null; break;
                    case "apitoken": apiToken = isString ? reader.GetString() : null; break;
                    case "accesstoken": accessToken = isString ? reader.GetString() : null; break;
                    case "refreshtoken": refreshToken = isString ? reader.GetString() : null; break;
                    case "expiresat":
                        expiresAt = isString
                            ? (reader.TryGetDateTimeOffset(out var iso) ? iso : ParseTime(reader.GetString()))
                            : reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) ? FromUnix(seconds) : null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        credential = Build(provider, credentialId, token, userName, email, url, apiToken, accessToken, refreshToken, expiresAt, null);
        return true;
    }

    /// <summary>The usual spellings of the answer's fields, and the key each stands for (one table for both readers).</summary>
    private static readonly (byte[] Utf8Name, string Key)[] s_fieldNames =
    {
        ("token"u8.ToArray(), "token"),
        ("credential_id"u8.ToArray(), "credentialid"), ("credentialId"u8.ToArray(), "credentialid"),
        ("provider"u8.ToArray(), "provider"),
        ("userName"u8.ToArray(), "username"), ("username"u8.ToArray(), "username"), ("user_name"u8.ToArray(), "username"),
        ("email"u8.ToArray(), "email"),
        ("expiresAt"u8.ToArray(), "expiresat"), ("expires_at"u8.ToArray(), "expiresat"),
        ("url"u8.ToArray(), "url"),
        ("apiToken"u8.ToArray(), "apitoken"), ("api_token"u8.ToArray(), "apitoken"),
        ("accessToken"u8.ToArray(), "accesstoken"), ("access_token"u8.ToArray(), "accesstoken"),
        ("refreshToken"u8.ToArray(), "refreshtoken"), ("refresh_token"u8.ToArray(), "refreshtoken"),
    };

    private static string? KnownName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            // The usual case: compare the raw name bytes (a length check first), without the reader's per-call checks.
            var name = reader.ValueSpan;
            foreach (var (utf8, key) in s_fieldNames)
            {
                if (name.SequenceEqual(utf8))
                {
                    return key;
                }
            }

            return null;
        }

        foreach (var (name, key) in s_fieldNames)
        {
            if (reader.ValueTextEquals(name))
            {
                return key;
            }
        }

        return null;
    }

    private static ProviderCredential? Build(string provider, string credentialId, string? token, string? userName, string? email, string? url, string? apiToken, string? accessToken, string? refreshToken, DateTimeOffset? expiresAt, Dictionary<string, JsonElement>? extra)
    {
        // A whitespace-only token is no token.
        var effective = !string.IsNullOrWhiteSpace(token) ? token
            : !string.IsNullOrWhiteSpace(apiToken) ? apiToken
            : !string.IsNullOrWhiteSpace(accessToken) ? accessToken
            : null;
        if (effective is null)
        {
            return null;
        }

        return new ProviderCredential(provider, credentialId, effective)
        {
            UserName = userName,
            Email = email,
            ExpiresAt = expiresAt,
            Url = url,
            ApiToken = apiToken,
            AccessToken = accessToken,
            RefreshToken = refreshToken,
            AdditionalFields = (IReadOnlyDictionary<string, JsonElement>?)extra ?? s_noFields,
        };
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    // Unix seconds within what DateTimeOffset holds (years 1 to 9999); anything else is no expiry, not an error.
    private static DateTimeOffset? FromUnix(long seconds) =>
        seconds is >= -62_135_596_800L and <= 253_402_300_799L ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static ProviderCredential? ParseDocument(string provider, string credentialId, byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? token = null, userName = null, email = null, url = null, apiToken = null, accessToken = null, refreshToken = null;
            DateTimeOffset? expiresAt = null;
            Dictionary<string, JsonElement>? extra = null;
            Span<char> buffer = stackalloc char[16];
            foreach (var property in root.EnumerateObject())
            {
                var known = Known(property);
                var name = known.Length == 0 ? property.Name : known;
                switch (known.Length == 0 ? Normalize(name, buffer) : known)
                {
                    case "token": token = Text(property.Value); break;
                    case "username": userName = Text(property.Value); break;
                    case "email": email = Text(property.Value); break;
                    case "url": url = Text(property.Value); break;
                    case "apitoken": apiToken = Text(property.Value); break;
                    case "accesstoken": accessToken = Text(property.Value); break;
                    case "refreshtoken": refreshToken = Text(property.Value); break;
                    case "expiresat": expiresAt = Time(property.Value); break;
                    case "credentialid":
                    case "provider":
                        break;
                    default:
                        extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                        extra[property.Name] = property.Value.Clone();
                        break;
                }
            }

            return Build(provider, credentialId, token, userName, email, url, apiToken, accessToken, refreshToken, expiresAt, extra);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly Dictionary<string, JsonElement> s_noFields = new();

    /// <summary>The usual spellings, matched on the UTF-8 name without allocating it.</summary>
    private static string Known(JsonProperty property)
    {
        foreach (var (name, key) in s_fieldNames)
        {
            if (property.NameEquals(name))
            {
                return key;
            }
        }

        return string.Empty;
    }

    /// <summary>The known field a name stands for (case and underscores ignored), without allocating; "" for others.</summary>
    private static string Normalize(string name, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in name)
        {
            if (c == '_')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return string.Empty;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        ReadOnlySpan<char> n = buffer[..length];
        foreach (var known in s_known)
        {
            if (n.SequenceEqual(known))
            {
                return known;
            }
        }

        return string.Empty;
    }

    private static readonly string[] s_known = { "token", "username", "email", "url", "apitoken", "accesstoken", "refreshtoken", "expiresat", "credentialid", "provider" };

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var iso))
        {
            return iso; // ISO 8601, parsed without allocating
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        // Unix seconds within what DateTimeOffset holds (years 1 to 9999); anything else is no expiry, not an error.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds >= -62_135_596_800L && seconds <= 253_402_300_799L)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return null;
    }
}
