// Shape: typed client with a "<service-token>" placeholder const in DefaultRequestHeaders.Authorization
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Loyalty.Client;

public sealed class DocsSnippetClient
{
    private const string Token = "<service-token>";

    public DocsSnippetClient(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
}
