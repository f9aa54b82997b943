// Shape: options class whose Token property defaults to a "REPLACE_ME" placeholder
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Chat.Bridge;

public sealed class ChatTemplateOptions
{
    public string Token { get; set; } = "REPLACE_ME";
}

public sealed class TemplateChatClient
{
    public TemplateChatClient(HttpClient http, ChatTemplateOptions options)
        => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
}
