// Shape: Discord "Bot" scheme with an entropy-only bot token
using System.Net.Http;
using System.Net.Http.Headers;

namespace Chat.Notifier;

public sealed class DiscordNotifier
{
    private const string BotToken = "$$DISCORD$$";
    private readonly HttpClient _http = new();

    public void Configure()
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", {|TP0002:BotToken|});
    }
}
