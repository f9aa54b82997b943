using System;
using System.Net.Http.Headers;

namespace TokenPolicy.Credentials;

/// <summary>Where a <see cref="ResolvedToken"/> came from.</summary>
public enum TokenSource
{
    /// <summary>The token of the user who started the current work (the caller's own <c>Authorization</c> value).</summary>
    Caller = 0,

    /// <summary>The control plane's OIDC token ("bot token"): exchanged in memory, read from the bot-token file, or from <c>BOT_TOKEN</c>.</summary>
    ControlPlaneOidc = 1,
}

/// <summary>
/// A token chosen by an <see cref="ICredentialTokenResolver"/>. Its <see cref="ToString"/> never shows the value.
/// </summary>
public sealed class ResolvedToken
{
    private string? _headerValue;

    /// <summary>Creates a resolved token.</summary>
    /// <param name="source">Where the token came from.</param>
    /// <param name="scheme">The authentication scheme, such as <c>Bearer</c>.</param>
    /// <param name="value">The token itself (without the scheme).</param>
    /// <param name="userId">The caller's user id, when known.</param>
    /// <exception cref="ArgumentException">The scheme is not a token, or the value is empty or holds a character an HTTP header cannot carry (the message gives its position, never the value).</exception>
    public ResolvedToken(TokenSource source, string scheme, string value, string? userId = null)
        : this(source, scheme, value, userId, null)
    {
    }

    internal ResolvedToken(TokenSource source, string scheme, string value, string? userId, object? origin)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(value);
        if (!TokenText.IsScheme(scheme))
        {
            throw new ArgumentException("The scheme must be a single word of letters, digits or !#$%&'*+-.^_`|~.", nameof(scheme));
        }

        if (TokenText.Problem(value, allowSpaces: source == TokenSource.Caller) is { } problem)
        {
            throw new ArgumentException("The token value cannot be sent: " + problem + ".", nameof(value));
        }

        if (userId is not null && TokenText.Problem(userId, allowSpaces: true) is not null)
        {
            userId = null;
        }

        Source = source;
        Scheme = scheme;
        Value = value;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        Origin = origin;
    }

    /// <summary>What produced the token (an <see cref="OidcToken"/>, a bot-token file version), to tell refusal episodes apart.</summary>
    internal object? Origin { get; }

    /// <summary>The full header value, <c>scheme value</c>, built once.</summary>
    internal string HeaderValue => _headerValue ??= string.Concat(Scheme, " ", Value);

    /// <summary>Where the token came from.</summary>
    public TokenSource Source { get; }

    /// <summary>The authentication scheme (<c>Bearer</c> for bot tokens; as given for caller tokens).</summary>
    public string Scheme { get; }

    /// <summary>The token itself, without the scheme. Never log it.</summary>
    public string Value { get; }

    /// <summary>The user on whose behalf the work runs, when known (sent as <c>X-Runner-Current-User</c>).</summary>
    public string? UserId { get; }

    /// <summary>The value for an <c>Authorization</c> header.</summary>
    public AuthenticationHeaderValue ToAuthorizationHeader() => new(Scheme, Value);

    /// <summary>Sets <c>Authorization</c> (and <c>X-Runner-Current-User</c> when the caller is known) on a request.</summary>
    /// <param name="headers">The request's headers.</param>
    /// <param name="userId">The caller's user id, if any.</param>
    /// <param name="fresh">The request holds neither header yet (nothing to remove first).</param>
    internal void Apply(HttpRequestHeaders headers, string? userId, bool fresh = false)
    {
        if (fresh)
        {
            headers.TryAddWithoutValidation("Authorization", HeaderValue);
            if (userId is not null)
            {
                headers.TryAddWithoutValidation(CredentialClient.CurrentUserHeader, userId);
            }

            return;
        }

        headers.Remove("Authorization");
        headers.TryAddWithoutValidation("Authorization", HeaderValue);
        headers.Remove(CredentialClient.CurrentUserHeader);
        if (userId is not null)
        {
            headers.TryAddWithoutValidation(CredentialClient.CurrentUserHeader, userId);
        }
    }

    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() =>
        $"ResolvedToken {{ Source = {Source}, Scheme = {Scheme}, Value = [redacted]{(UserId is null ? string.Empty : ", UserId = " + UserId)} }}";

    /// <summary>
    /// Parses a full <c>Authorization</c> header value (<c>Bearer abc</c>) as sent by the caller. A bare token
    /// (no scheme) is taken as a bearer token; a doubled scheme (<c>Bearer Bearer abc</c>) is collapsed.
    /// </summary>
    /// <param name="headerValue">The header value.</param>
    /// <param name="userId">The caller's user id, if known.</param>
    /// <returns>The parsed token.</returns>
    /// <exception cref="ArgumentException">The value is empty or malformed; the message says why, never what it holds.</exception>
    public static ResolvedToken FromCallerHeader(string headerValue, string? userId = null)
    {
        if (!TryParseHeader(headerValue, out var scheme, out var value, out var problem))
        {
            throw new ArgumentException("The caller's Authorization value is empty or malformed: " + problem + ".", nameof(headerValue));
        }

        return new ResolvedToken(TokenSource.Caller, scheme, value, userId);
    }

    internal static bool TryParseHeader(string? headerValue, out string scheme, out string value) =>
        TryParseHeader(headerValue, out scheme, out value, out _);

    internal static bool TryParseHeader(string? headerValue, out string scheme, out string value, out string problem)
    {
        scheme = string.Empty;
        value = string.Empty;
        problem = string.Empty;
        if (headerValue is null)
        {
            problem = "it is null";
            return false;
        }

        var text = headerValue.AsSpan().Trim();
        if (TokenText.Problem(text, allowSpaces: true) is { } invalid)
        {
            problem = invalid;
            return false;
        }

        var space = text.IndexOf(' ');
        if (space < 0)
        {
            if (text.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                problem = "it is a scheme without a token";
                return false;
            }

            scheme = "Bearer";
            value = text.ToString();
            return true;
        }

        var first = text.Slice(0, space);
        if (!TokenText.IsScheme(first))
        {
            problem = "its first word is not an authentication scheme (a character there is not allowed)";
            return false;
        }

        var rest = text.Slice(space + 1).Trim();

        // "Bearer Bearer abc": an upstream that already prefixed the scheme once too often.
        while (rest.Length > first.Length
            && rest.StartsWith(first, StringComparison.OrdinalIgnoreCase)
            && rest[first.Length] == ' ')
        {
            rest = rest.Slice(first.Length + 1).Trim();
        }

        if (rest.IsEmpty)
        {
            problem = "it is a scheme without a token";
            return false;
        }

        scheme = first.ToString();
        value = rest.ToString();
        return true;
    }

    internal static bool ContainsControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
