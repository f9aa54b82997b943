using System;
using Microsoft.Extensions.Logging;

namespace TokenPolicy.Credentials;

/// <summary>Source-generated log messages. None takes a token, a secret or a response body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Fetching the '{Provider}' credential {CredentialId}.")]
    public static partial void Fetching(ILogger logger, string provider, string credentialId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "No credential is configured for provider '{Provider}'.")]
    public static partial void NotConfigured(ILogger logger, string provider);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The backend has no '{Provider}' credential {CredentialId} (404).")]
    public static partial void NotFound(ILogger logger, string provider, string credentialId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The backend refused the caller's token for the '{Provider}' credential ({StatusCode}); retrying once with the bot token.")]
    public static partial void CallerRefused(ILogger logger, string provider, int statusCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The backend refused the bot token for the '{Provider}' credential ({StatusCode}); refreshing it and retrying once.")]
    public static partial void BotRefused(ILogger logger, string provider, int statusCode);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Authentication of the '{Provider}' credential fetch failed ({StatusCode}) with the {TokenSource} token.")]
    public static partial void AuthenticationFailed(ILogger logger, string provider, int statusCode, TokenSource tokenSource);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Fetching the '{Provider}' credential failed: status {StatusCode}, response length {ResponseLength}.")]
    public static partial void FetchFailed(ILogger logger, string provider, int statusCode, long responseLength);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Refused to send a token to host '{Host}': not in the allowlist.")]
    public static partial void HostRefused(ILogger logger, string host);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Fetching the '{Provider}' credential failed without a response ({Reason}).")]
    public static partial void FetchTransportFailed(ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Obtained a bot token from the control plane (attempt {Attempt}).")]
    public static partial void ExchangeSucceeded(ILogger logger, int attempt);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Control-plane token exchange attempt {Attempt} of {MaxAttempts} failed: {Reason}.")]
    public static partial void ExchangeAttemptFailed(ILogger logger, int attempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "The {Source} gave no token ({Reason}); falling back to the bot-token file and BOT_TOKEN.")]
    public static partial void OidcSourceFailed(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 23, Level = LogLevel.Debug, Message = "Read the bot-token file {Path}.")]
    public static partial void BotTokenFileRead(ILogger logger, string path);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Could not read the bot-token file {Path}: {Reason}.")]
    public static partial void BotTokenFileUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Obtained a client-credentials token valid until {ExpiresAt:O}.")]
    public static partial void ClientCredentialsRefreshed(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 26, Level = LogLevel.Error, Message = "The client-credentials token request failed: {Reason}.")]
    public static partial void ClientCredentialsFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "The {TokenSource} token was refused by {Host} ({StatusCode}); refreshing the bot token and retrying once.")]
    public static partial void HandlerRefused(ILogger logger, TokenSource tokenSource, string host, int statusCode);

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "HTTP {Method} {Host}{Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms.")]
    public static partial void HttpRequestDone(ILogger logger, string method, string host, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 41, Level = LogLevel.Debug, Message = "HTTP {Method} {Host}{Path} failed after {ElapsedMilliseconds:0.0} ms: {Reason}.")]
    public static partial void HttpRequestFailed(ILogger logger, string method, string host, string path, double elapsedMilliseconds, string reason);
}
