// Shape: KeyValuePair headers list where the token-like value is a request id header
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Analytics.Ingest;

public static class TraceHeaders
{
    public static readonly List<KeyValuePair<string, string>> Values = new()
    {
        new KeyValuePair<string, string>("X-Request-Id", "$$HEX32$$"),
        new KeyValuePair<string, string>("Authorization", "<token>"),
    };
}
