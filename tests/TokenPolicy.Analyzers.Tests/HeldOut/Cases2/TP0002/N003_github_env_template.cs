// Shape: "token ${GITHUB_TOKEN}" template string (a placeholder) in DefaultRequestHeaders.Add
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Release.Notes;

public static class TemplateClient
{
    public static void Configure(HttpClient client) => client.DefaultRequestHeaders.Add("Authorization", "token ${GITHUB_TOKEN}");
}
