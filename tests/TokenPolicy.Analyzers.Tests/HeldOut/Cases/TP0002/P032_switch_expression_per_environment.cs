// Shape: switch expression picks a token per environment
using System.Net.Http;
using System.Net.Http.Headers;

namespace Deploy.Bot;

public static class PerEnvironment
{
    public static void Apply(HttpClient client, string environment)
    {
        var token = environment switch
        {
            "production" => "$$GHP:1$$",
            "staging" => "$$GHP:2$$",
            _ => "",
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:token|});
    }
}
