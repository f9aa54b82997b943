// Shape: TryAddWithoutValidation with a values array
using System.Net.Http;

namespace Chat.Slack;

public static class ValuesArray
{
    public static void Apply(HttpRequestMessage request)
        => request.Headers.TryAddWithoutValidation("Authorization", new[] { {|TP0002:"Bearer $$XOXB$$"|} });
}
