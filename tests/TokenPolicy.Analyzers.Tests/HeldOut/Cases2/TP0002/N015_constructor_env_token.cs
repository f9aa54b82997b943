// Shape: notifier constructed with a token from the environment
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Alerts.Slack;

public sealed class SlackNotifier
{
    private readonly string _botToken;

    public SlackNotifier(string botToken) => _botToken = botToken;

    public void Authorize(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _botToken);
}

public static class AlertWiring
{
    public static SlackNotifier Create() => new SlackNotifier(Environment.GetEnvironmentVariable("SLACK_BOT_TOKEN") ?? "");
}
