// CompliantRunner: the LegacyRunner's credential fetch written the sanctioned way.
//
//   BACKEND_API_URL=http://backend.ambient.svc:8080 CREDENTIAL_IDS='{"github":"cred-123","jira":"cred-456"}' \
//   BOT_TOKEN=... dotnet run --project samples/CompliantRunner -- github jira
//
// In a server, set the caller for one turn and the client uses the caller's token first:
//   using (CallerTokenContext.Begin(request.Headers["X-Caller-Token"], userId)) { await credentials.DescribeAsync(...); }
using CompliantRunner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TokenPolicy.Credentials;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddTokenPolicyCredentials(builder.Configuration);
builder.Services.AddTransient<SessionCredentials>();

if (string.IsNullOrWhiteSpace(builder.Configuration[EnvironmentVariables.BackendApiUrl])
    && string.IsNullOrWhiteSpace(builder.Configuration[$"{CredentialClientOptions.SectionName}:{nameof(CredentialClientOptions.BackendApiUrl)}"]))
{
    Console.Error.WriteLine("CompliantRunner: BACKEND_API_URL is not set, so there is no backend to fetch credentials from.");
    Console.Error.WriteLine("Set BACKEND_API_URL, CREDENTIAL_IDS (for example {\"github\":\"cred-123\"}) and a token source");
    Console.Error.WriteLine("(AMBIENT_CP_TOKEN_URL with AMBIENT_CP_TOKEN_PUBLIC_KEY and SESSION_ID, the bot-token file, or BOT_TOKEN).");
    return 2;
}

using var host = builder.Build();
try
{
    // Options are validated here: a malformed CREDENTIAL_IDS or a backend host outside the allowlist stops the runner.
    await host.StartAsync();
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"CompliantRunner: invalid configuration: {e.Message}");
    return 2;
}

var providers = args.Length > 0 ? args : new[] { "github", "jira" };
var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
var exitCode = 0;
try
{
    var credentials = host.Services.GetRequiredService<SessionCredentials>();
    foreach (var line in await credentials.DescribeAsync(providers, stopping))
    {
        Console.WriteLine(line);
    }
}
catch (CredentialTokenUnavailableException e)
{
    Console.Error.WriteLine($"CompliantRunner: {e.Message}");
    exitCode = 1;
}
catch (CredentialHostNotAllowedException e)
{
    Console.Error.WriteLine($"CompliantRunner: {e.Message}");
    exitCode = 1;
}
catch (CredentialFetchException e)
{
    // Authentication refusals and other failures: provider, status and response length only.
    Console.Error.WriteLine($"CompliantRunner: {e.Message}");
    exitCode = 1;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    exitCode = 130;
}

await host.StopAsync();
return exitCode;
