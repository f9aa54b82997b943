using TokenPolicy.Credentials;

namespace CompliantRunner;

/// <summary>
/// What the legacy CredentialFetcher did, written the sanctioned way: the token is chosen by the TokenPolicy client
/// (the caller's, else the control plane's OIDC token), the backend host is checked before anything is sent, and
/// refused tokens, 404s and transient faults are handled by the client.
/// </summary>
internal sealed class SessionCredentials
{
    private readonly CredentialClient _client;

    public SessionCredentials(CredentialClient client) => _client = client;

    /// <summary>Fetches each provider's credential and describes it without revealing any secret.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(IEnumerable<string> providers, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var provider in providers)
        {
            var result = await _client.GetAsync(provider, cancellationToken);
            lines.Add(result.Status switch
            {
                CredentialResultStatus.Success => Describe(result.Credential!),
                CredentialResultStatus.NotConfigured => $"{provider}: no credential configured for this session (CREDENTIAL_IDS)",
                _ => $"{provider}: credential {result.CredentialId} not found on the backend",
            });
        }

        return lines;
    }

    private static string Describe(ProviderCredential credential)
    {
        var who = credential.UserName ?? credential.Email ?? "(unknown user)";
        var expires = credential.ExpiresAt is { } at ? $", expires {at:u}" : string.Empty;
        var site = credential.Url is null ? string.Empty : $" on {credential.Url}";
        // The token itself is used, never printed: only its length is shown.
        return $"{credential.Provider}: credential {credential.CredentialId} for {who}{site} ({credential.Token.Length} characters{expires})";
    }
}
