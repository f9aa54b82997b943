// Shape: options class whose property default is a projected token path, read in a service
using System.IO;

namespace Runner.Options;

public sealed class CredentialOptions
{
    public string BackendUrl { get; set; } = "http://backend.svc";

    public string TokenFile { get; set; } = "/var/run/secrets/tokens/backend-token";
}

public sealed class CredentialService
{
    private readonly CredentialOptions _options;

    public CredentialService(CredentialOptions options) => _options = options;

    public string CurrentToken() => {|TP0001:File.ReadAllText(_options.TokenFile)|}.Trim();
}
