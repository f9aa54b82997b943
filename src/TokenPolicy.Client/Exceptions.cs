using System;
using System.Collections.Generic;
using System.Net;

namespace TokenPolicy.Credentials;

/// <summary>
/// No token could be resolved: there is no caller and no bot token. The message lists the sources tried; it never
/// contains a token.
/// </summary>
public sealed class CredentialTokenUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourcesTried">Each source tried and why it gave nothing.</param>
    public CredentialTokenUnavailableException(IReadOnlyList<string> sourcesTried)
        : base("No token is available for a credential fetch; nothing was sent. Sources tried: " + string.Join("; ", sourcesTried) + ".")
    {
        SourcesTried = sourcesTried;
    }

    /// <summary>Each source tried and why it gave nothing.</summary>
    public IReadOnlyList<string> SourcesTried { get; }
}

/// <summary>
/// A credential fetch failed. The message names the provider and the HTTP status and length of the response, never
/// a token or the response body.
/// </summary>
public class CredentialFetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider whose credential was fetched.</param>
    /// <param name="message">What went wrong (no secrets).</param>
    /// <param name="statusCode">The HTTP status, when a response arrived.</param>
    /// <param name="responseLength">The length of the response body in bytes, when a response arrived.</param>
    /// <param name="innerException">The cause.</param>
    public CredentialFetchException(string provider, string message, HttpStatusCode? statusCode = null, long? responseLength = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        StatusCode = statusCode;
        ResponseLength = responseLength;
    }

    /// <summary>The provider whose credential was fetched.</summary>
    public string Provider { get; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The length of the response body in bytes, when a response arrived.</summary>
    public long? ResponseLength { get; }
}

/// <summary>
/// The backend refused to authenticate a credential fetch (401 or 403) after the fallbacks (caller, then bot token,
/// then a refreshed bot token). Names the provider and the status, never the token or the body.
/// </summary>
public sealed class CredentialAuthenticationException : CredentialFetchException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider whose credential was fetched.</param>
    /// <param name="statusCode">The last refusal's status (401 or 403).</param>
    /// <param name="tokenSource">The source of the last token refused.</param>
    public CredentialAuthenticationException(string provider, HttpStatusCode statusCode, TokenSource tokenSource)
        : base(provider, $"The backend refused to authenticate the fetch of the '{provider}' credential: {(int)statusCode} {statusCode} with the {Describe(tokenSource)} token.", statusCode)
    {
        TokenSource = tokenSource;
    }

    /// <summary>The source of the last token refused.</summary>
    public TokenSource TokenSource { get; }

    private static string Describe(TokenSource source) => source == TokenSource.Caller ? "caller's" : "control plane's OIDC (bot)";
}
