// Shape: header helper called with a masked value "Bearer ***" (a redacted placeholder)
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Reports.Render;

internal static class HeaderHelpers
{
    public static void SetAuthorization(HttpClient client, string headerValue) => client.DefaultRequestHeaders.Add("Authorization", headerValue);
}

public static class RenderDocs
{
    public static void Demo(HttpClient client) => HeaderHelpers.SetAuthorization(client, "Bearer ***");
}
