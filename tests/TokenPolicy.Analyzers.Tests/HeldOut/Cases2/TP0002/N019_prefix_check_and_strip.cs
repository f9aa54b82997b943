// Shape: incoming header prefix check and stripping with a token-like const compared, never sent
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Webhooks.Receiver;

public static class WebhookAuth
{
    private const string Expected = "$$RAND32$$";

    public static bool IsValid(string? header)
        => header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal) && header["Bearer ".Length..] == Expected;
}
