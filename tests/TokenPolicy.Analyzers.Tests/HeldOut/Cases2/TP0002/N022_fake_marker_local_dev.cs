// Shape: an obviously fake local marker (fake-local-...) for an in-process fake API
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Local.Dev;

public static class FakeApiClient
{
    public static void Apply(HttpClient client)
        => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "fake-local-dev-credential-0001");
}
