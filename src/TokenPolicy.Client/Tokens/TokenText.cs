using System;
using System.Globalization;

namespace TokenPolicy.Credentials;

/// <summary>
/// What a token may contain to be sent in an <c>Authorization</c> header: visible ASCII only (no CR, LF, control
/// characters or non-ASCII). Problems are described by position and kind, never by the token's content.
/// </summary>
internal static class TokenText
{
    /// <summary>Why <paramref name="value"/> cannot be sent in a header, or null when it can.</summary>
    /// <param name="value">The token (or header value).</param>
    /// <param name="allowSpaces">Whether single spaces inside the value are allowed (auth parameters).</param>
    public static string? Problem(ReadOnlySpan<char> value, bool allowSpaces)
    {
        if (value.IsEmpty || value.IsWhiteSpace())
        {
            return "it is empty or whitespace only";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is > ' ' and < (char)0x7F)
            {
                continue;
            }

            if (c == ' ' && allowSpaces)
            {
                continue;
            }

            var kind = c switch
            {
                '\r' or '\n' => "a line break",
                ' ' => "a space",
                _ when char.IsControl(c) => "a control character",
                _ when char.IsWhiteSpace(c) => "a whitespace character",
                _ => "a non-ASCII character",
            };
            return $"it contains {kind} at position {(i + 1).ToString(CultureInfo.InvariantCulture)}, which an HTTP header cannot carry";
        }

        return null;
    }

    /// <summary>Whether <paramref name="scheme"/> is an RFC 9110 token (the scheme of an <c>Authorization</c> value).</summary>
    public static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || scheme.Length > 64)
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
