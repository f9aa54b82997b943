// Shape: Basic scheme with base64 user:password (out of scope for TP0002)
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Legacy.Bridge;

public static class ArtifactoryBasic
{
    private const string Credentials = "$$BASIC$$";

    public static void Apply(HttpClient client) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Credentials);
}
