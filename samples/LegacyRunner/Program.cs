// LegacyRunner: fetches per-user credentials from the platform backend, the way the incident code did.
// Every TokenPolicy warning in this project is intentional: it is the bundled sample the policy runs on.
using LegacyRunner;

var backend = Environment.GetEnvironmentVariable("BACKEND_API_URL") ?? "http://backend.ambient.svc:8080";
using var http = new HttpClient();
var fetcher = new CredentialFetcher(http, backend);

if (args.Length == 0)
{
    Console.WriteLine("usage: LegacyRunner <credential-id>");
    return 2;
}

try
{
    var token = await fetcher.FetchAsync(args[0], CancellationToken.None);
    Console.WriteLine($"fetched a credential ({token.Length} characters)");
    return 0;
}
catch (Exception ex) when (ex is IOException or HttpRequestException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"credential fetch failed: {ex.Message}");
    return 1;
}
