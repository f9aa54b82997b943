// Shape: collection initializer on HttpRequestMessage.Headers
using System.Net.Http;

namespace Chat.Slack;

public static class SlackPost
{
    public static HttpRequestMessage Create(HttpContent body) => new(HttpMethod.Post, "https://slack.com/api/chat.postMessage")
    {
        Content = body,
        Headers = { { "Authorization", {|TP0002:"Bearer $$XOXB$$"|} } },
    };
}
