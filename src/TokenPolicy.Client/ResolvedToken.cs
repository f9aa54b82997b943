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
    /// <summary>Creates a resolved token.</summary>
    /// <param name="source">Where the token came from.</param>
    /// <param name="scheme">The authentication scheme, such as <c>Bearer</c>.</param>
    /// <param name="value">The token itself (without the scheme).</param>
    /// <param name="userId">The caller's user id, when known.</param>
    public ResolvedToken(TokenSource source, string scheme, string value, string? userId = null)
    {
        if (string.IsNullOrWhiteSpace(scheme))
        {
            throw new ArgumentException("The scheme must not be empty.", nameof(scheme));
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The token value must not be empty.", nameof(value));
        }

        Source = source;
        Scheme = scheme;
        Value = value;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
    }

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
    public static ResolvedToken FromCallerHeader(string headerValue, string? userId = null)
    {
        if (!TryParseHeader(headerValue, out var scheme, out var value))
        {
            throw new ArgumentException("The caller's Authorization value is empty or malformed.", nameof(headerValue));
        }

        return new ResolvedToken(TokenSource.Caller, scheme, value, userId);
    }

    internal static bool TryParseHeader(string? headerValue, out string scheme, out string value)
    {
        scheme = string.Empty;
        value = string.Empty;
        if (headerValue is null)
        {
            return false;
        }

        var text = headerValue.Trim();
        if (text.Length == 0 || ContainsControl(text))
        {
            return false;
        }

        var space = IndexOfWhiteSpace(text);
        if (space < 0)
        {
            if (string.Equals(text, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return false; // a scheme without a token
            }

            scheme = "Bearer";
            value = text;
            return true;
        }

        scheme = text.Substring(0, space);
        value = text.Substring(space + 1).Trim();

        // "Bearer Bearer abc": an upstream that already prefixed the scheme once too often.
        while (value.Length > scheme.Length
            && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && char.IsWhiteSpace(value[scheme.Length]))
        {
            value = value.Substring(scheme.Length + 1).Trim();
        }

        return value.Length > 0;
    }

    private static int IndexOfWhiteSpace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
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
