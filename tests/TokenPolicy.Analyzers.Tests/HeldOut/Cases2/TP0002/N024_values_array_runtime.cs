// Shape: Headers.Add(name, values) with an array built from a runtime token
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Docs.Publisher;

public static class RuntimePublisher
{
    public static void Configure(HttpClient client, string token) => client.DefaultRequestHeaders.Add("Authorization", new[] { "Bearer " + token });
}
