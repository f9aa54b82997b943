// Shape: "Bot {token}" interpolated into a request header
using System.Net.Http;

namespace Chat.Notifier;

public static class DiscordRequests
{
    private const string Token = "$$DISCORD$$";

    public static HttpRequestMessage Message(string channel)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"https://discord.com/api/v10/channels/{channel}/messages");
        request.Headers.Add("Authorization", {|TP0002:$"Bot {Token}"|});
        return request;
    }
}
