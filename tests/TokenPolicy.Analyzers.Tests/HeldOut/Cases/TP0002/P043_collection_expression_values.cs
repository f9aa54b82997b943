// Shape: Add(name, values) with a collection expression
using System.Net.Http;

namespace Chat.Slack;

public static class ValuesCollection
{
    private const string Token = "$$XOXB$$";

    public static void Apply(HttpRequestMessage request)
        => request.Headers.Add("Authorization", [{|TP0002:"Bearer " + Token|}]);
}
