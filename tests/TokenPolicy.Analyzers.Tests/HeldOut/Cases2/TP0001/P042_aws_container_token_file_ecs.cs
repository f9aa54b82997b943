// Shape: ECS/EKS pod identity reading AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE into an Authorization header value
using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace Aws.PodIdentity;

public sealed class ContainerCredentialsClient
{
    private readonly HttpClient _http;

    public ContainerCredentialsClient(HttpClient http) => _http = http;

    public async Task<string> FetchAsync(Uri endpoint)
    {
        var file = Environment.GetEnvironmentVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        if (file is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", (await {|TP0001:File.ReadAllTextAsync(file)|}).Trim());
        }

        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
