// Shape: header dictionary with a hardcoded X-Api-Key (not Authorization) and an env-based Authorization
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Analytics.Ingest;

public static class PartnerHeaders
{
    public static Dictionary<string, string> Create() => new()
    {
        ["X-Api-Key"] = "$$RAND32$$",
        ["Authorization"] = "Bearer " + Environment.GetEnvironmentVariable("PARTNER_TOKEN"),
    };
}
