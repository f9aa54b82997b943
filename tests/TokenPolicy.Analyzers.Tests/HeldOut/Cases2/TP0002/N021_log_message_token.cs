// Shape: a token-like const only written into a log line and an exception message
using System;
using System.IO;

namespace Ops.Diagnostics;

public static class TokenAudit
{
    private const string Revoked = "$$GHP$$";

    public static void Report(TextWriter log)
    {
        log.WriteLine("revoked credential fingerprint: " + Revoked.GetHashCode());
        throw new InvalidOperationException("credential was revoked; see runbook");
    }
}
