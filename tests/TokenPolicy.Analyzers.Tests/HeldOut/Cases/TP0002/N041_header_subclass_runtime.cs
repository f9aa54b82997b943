// Shape: AuthenticationHeaderValue subclass constructed with a runtime token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public class BearerHeader(string token) : AuthenticationHeaderValue("Bearer", token);

public static class RuntimeSubclass
{
    public static void Apply(HttpClient client, string token) => client.DefaultRequestHeaders.Authorization = new BearerHeader(token);
}
