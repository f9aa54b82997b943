// Shape: header helper called with a "<your-token>" placeholder
using System.Net.Http;
using System.Net.Http.Headers;

namespace Partner.Api;

public static class HeaderHelper
{
    public static void Use(HttpClient client, string token)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}

public static class Readme
{
    public static void Demo(HttpClient client) => HeaderHelper.Use(client, "<your-token>");
}
