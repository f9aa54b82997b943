// Shape: notifier class storing its constructor token in a field used in a header later; constructed with a Slack token
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Alerts.Slack;

public sealed class SlackNotifier
{
    private readonly HttpClient _http = new();
    private readonly string _botToken;

    public SlackNotifier(string botToken) => _botToken = botToken;

    public Task<HttpResponseMessage> PostAsync(string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://slack.com/api/chat.postMessage")
        {
            Content = new StringContent(text),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _botToken);
        return _http.SendAsync(request);
    }
}

public static class AlertWiring
{
    public static SlackNotifier Create() => new SlackNotifier({|TP0002:"$$XOXB$$"|});
}
