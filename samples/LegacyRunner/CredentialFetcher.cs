using System.Net.Http.Headers;
using System.Text.Json;

namespace LegacyRunner;

/// <summary>The credential fetch as the incident wrote it. Do not copy: see samples/CompliantRunner.</summary>
internal sealed class CredentialFetcher
{
    private const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";
    private static readonly string TokenPath = Path.Combine(ServiceAccountDirectory, "token");

    // "Temporary" fallback pasted in during the incident. This one is a FAKE, unsigned JWT
    // ({"alg":"none"} / {"sub":"fake-tokenpolicy-sample"}) so the sample holds no secret.
    private const string FallbackToken = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJmYWtlLXRva2VucG9saWN5LXNhbXBsZSJ9.RkFLRS1GQUtFLUZBS0U";

    private readonly HttpClient _http;
    private readonly string _backend;

    public CredentialFetcher(HttpClient http, string backend)
    {
        _http = http;
        _backend = backend.TrimEnd('/');
    }

    public async Task<string> FetchAsync(string credentialId, CancellationToken cancellationToken)
    {
        // TP0001: the kubelet service-account token is sent to an application API.
        var token = (await File.ReadAllTextAsync(TokenPath, cancellationToken)).Trim();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{credentialId}/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            return await FetchWithFallbackAsync(credentialId, cancellationToken);
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("token").GetString() ?? string.Empty;
    }

    private async Task<string> FetchWithFallbackAsync(string credentialId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_backend}/api/ambient/v1/credentials/{credentialId}/token");

        // TP0002: a bearer token written into the code.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FallbackToken);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Synchronous variant used by the health probe.</summary>
    public string ReadServiceAccountToken()
    {
        // TP0001, through a StreamReader.
        using var reader = new StreamReader(TokenPath);
        return reader.ReadToEnd().Trim();
    }

    /// <summary>The pod's identity for the admin API, read through a small helper.</summary>
    public string ReadProbeIdentity()
    {
        // TP0001, reported here at the call that hands the token path to a helper that reads whatever it is given.
        return ReadTrimmed(TokenPath);
    }

    /// <summary>The same helper on a harmless file: no warning.</summary>
    public string ReadHostname() => ReadTrimmed("/etc/hostname");

    private static string ReadTrimmed(string path) => File.ReadAllText(path).Trim();

    /// <summary>The namespace file beside the token is harmless: no warning.</summary>
    public string ReadNamespace() => File.ReadAllText(Path.Combine(ServiceAccountDirectory, "namespace")).Trim();

    /// <summary>A client for the legacy admin API, authenticated the wrong way.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(_backend) };

        // TP0002: the same hardcoded token, as a header string.
        client.DefaultRequestHeaders.Add("Authorization", "Bearer " + FallbackToken);
        return client;
    }

    /// <summary>A documentation placeholder is not a token: no warning.</summary>
    public const string UsageHint = "curl -H 'Authorization: Bearer <token>' $BACKEND_API_URL";
}
