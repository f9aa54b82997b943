// Shape: options class whose Token property defaults to a hardcoded token, used in a typed client's constructor
using System.Net.Http;
using System.Net.Http.Headers;

namespace Chat.Bridge;

public sealed class ChatOptions
{
    public string BaseUrl { get; set; } = "https://chat.internal/";
    public string Token { get; set; } = "$$XOXP$$";
}

public sealed class ChatClient
{
    public ChatClient(HttpClient http, ChatOptions options)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|TP0002:options.Token|});
    }
}
