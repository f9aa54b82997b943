// Shape: vendor prefix followed by xxx placeholder text
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Tools;

public static class Docs
{
    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
}
